-- Demo events for `bianmin admin init --demo` (issue #18), loaded after office.json:
-- times relative to the day the demo is loaded (office time is UTC+8),
-- sign-up open from that day.  DEMO DATA.
INSERT INTO events (unit, title_zh, title_en, place_zh, place_en, body_zh, body_en, starts_at, ends_at,
                    signup_from, signup_until, capacity, waitlist, ask_phone, max_party, question_zh, question_en,
                    created_at) VALUES
	('econ', '路竹番茄節導覽', 'Luzhu Tomato Festival tour', '路竹區公所前廣場', 'Square in front of the district office',
	 '番茄田導覽與採果體驗，適合親子參加。', 'A guided walk through the tomato fields and fruit picking, for families.',
	 strftime('%Y-%m-%dT09:00', 'now', '+8 hours', '+14 days'), strftime('%Y-%m-%dT12:00', 'now', '+8 hours', '+14 days'),
	 strftime('%Y-%m-%dT00:00', 'now', '+8 hours'), strftime('%Y-%m-%dT17:00', 'now', '+8 hours', '+12 days'),
	 50, 1, 1, 4, '是否需要素食午餐？', 'Do you need a vegetarian lunch?', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	('social', '長者防詐騙講座', 'Talk: protecting seniors from scams', '路竹區公所 3 樓禮堂', 'District office hall, 3F',
	 '由路竹分局說明常見詐騙手法。', 'The Luzhu police precinct explains common scams.',
	 strftime('%Y-%m-%dT14:00', 'now', '+8 hours', '+21 days'), strftime('%Y-%m-%dT16:00', 'now', '+8 hours', '+21 days'),
	 strftime('%Y-%m-%dT00:00', 'now', '+8 hours'), strftime('%Y-%m-%dT17:00', 'now', '+8 hours', '+20 days'),
	 80, 1, 0, 2, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
