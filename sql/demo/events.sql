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

-- Demo questionnaires (issue #18), open: one about the tour (answered with a
-- sign-up's cancel code), one for the whole office (anonymous).  DEMO DATA.
INSERT INTO surveys (unit, title_zh, title_en, spec, event_id, state, created_at)
SELECT 'econ', '番茄節導覽回饋', 'Tomato Festival tour: your feedback',
'scale*: 整體滿意度 | Overall satisfaction
single: 您如何得知本活動？ | How did you hear about this event?
- 區公所網站 | The office''s website
- 里辦公處 | The village office
- 親友 | Family or friends
text: 其他建議 | Other suggestions', id, 'open', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
FROM events WHERE title_en = 'Luzhu Tomato Festival tour';
INSERT INTO surveys (unit, title_zh, title_en, spec, state, created_at) VALUES
	(NULL, '區公所服務滿意度調查', 'District office satisfaction survey',
'single*: 您今天辦理的是哪一類業務？ | What did you come for today?
- 戶政、兵役 | Household registration, military service
- 社會福利 | Social welfare
- 其他 | Something else
multiple: 哪些地方可以做得更好？ | What could we do better?
- 等候時間 | Waiting time
- 說明清楚 | Clear explanations
- 網站資訊 | Information on the website
scale*: 整體滿意度 | Overall satisfaction
text: 其他建議 | Other suggestions', 'open', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
