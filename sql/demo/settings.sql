-- The demo office's settings for `bianmin admin init --demo` (issue #11): what a
-- real office sets on /staff/admin/settings or with `bianmin admin set`.
-- public_url stays unset: the demo runs wherever it is started, and staff
-- pages say so.  DEMO DATA.
INSERT INTO settings (key, value) VALUES
	('office_name_zh', '高雄市路竹區公所'),
	('office_name_en', 'Luzhu District Office, Kaohsiung City'),
	('site_name_zh', '路竹區公所便民服務網'),
	('site_name_en', 'Luzhu District Office Services'),
	('address_zh', '高雄市路竹區中山路 1 號'),
	('address_en', 'No. 1, Zhongshan Rd., Luzhu Dist., Kaohsiung'),
	('phone', '(07)696-2019'),
	('hours_zh', '週一至週五 08:00–12:00、13:30–17:30（中午不打烊櫃台 12:00–13:30）'),
	('hours_en', 'Monday to Friday 08:00–12:00 and 13:30–17:30 (one counter stays open over lunch)')
	ON CONFLICT(key) DO NOTHING;
