-- Demo Open311 offer for `bianmin admin init --demo` (高雄市路竹區公所),
-- loaded after sql/demo/office.json (the office's content, through `admin
-- catalog import`), whose categories it names.  DEMO DATA: see the note
-- in docs/catalog-format.md on what is real and what is invented.
--
-- The categories the Open311 API offers (about a place or a thing) and
-- what each asks; see docs/open311.md.
INSERT INTO open311_services (category, description_zh, description_en, keywords, grp, notice_zh, notice_en) VALUES
	('streetlights', '路燈不亮、閃爍、白天亮燈或燈桿損壞。', 'A streetlight that is out, flickers, stays on by day, or a damaged pole.', 'streetlight, lamp, 路燈', 'streets', '路燈報修於 3 個工作天內處理；有觸電危險請撥 119。', 'Streetlight repairs are handled within 3 working days; if there is a risk of electric shock, call 119.'),
	('roads', '區道路面坑洞、破損、人行道不平。', 'Potholes or damage on district roads, uneven sidewalks.', 'pothole, road, sidewalk, 坑洞', 'streets', '市區道路由市府養護工程處負責者，本所將移文辦理。', 'Where the city''s road maintenance office is responsible, we pass the report on to it.'),
	('drainage', '側溝、排水溝阻塞或積水。', 'Blocked gutters or drains, standing water.', 'drain, flooding, gutter, 積水', 'water', '', NULL),
	('facilities', '公園、活動中心等公共設施損壞。', 'Damaged public facilities such as parks and community centres.', 'park, playground, bench, 公園', 'facilities', '', NULL);
INSERT INTO open311_attributes (id, category, code, datatype, required, description_zh, description_en, sort) VALUES
	(1, 'streetlights', 'pole_no', 'string', 0, '燈桿編號（燈桿上的牌子）', 'Pole number (on the plate on the pole)', 10),
	(2, 'streetlights', 'problem', 'singlevaluelist', 1, '路燈狀況', 'What is wrong with the light', 20),
	(3, 'roads', 'size', 'singlevaluelist', 0, '破損大小', 'Size of the damage', 10),
	(4, 'drainage', 'depth_cm', 'number', 0, '積水深度（公分）', 'Depth of the standing water (cm)', 10);
INSERT INTO open311_attribute_values (attribute_id, key, name_zh, name_en, sort) VALUES
	(2, 'out', '不亮', 'Out', 10),
	(2, 'flicker', '閃爍', 'Flickers', 20),
	(2, 'day', '白天亮燈', 'On by day', 30),
	(2, 'pole', '燈桿損壞', 'Damaged pole', 40),
	(3, 'small', '小於 30 公分', 'Under 30 cm', 10),
	(3, 'large', '30 公分以上', '30 cm or more', 20);


-- Field reports (issue #13) go straight to a category's default unit: the
-- demo's streetlights, roads and drains are 經建課's (as office.json says).
UPDATE categories SET default_unit = 'econ' WHERE code IN ('streetlights', 'roads', 'drainage');
