-- Demo catalog for `bianmin admin init --demo` (高雄市路竹區公所).
--
-- DEMO DATA.  Loaded after the migrations, inside one transaction.  What is
-- real: the units and their duties (from the office's 104 service-quality
-- plan), the 20 villages of 路竹區, the office's main number (07)696-2019,
-- and the names of the statutes cited.  What is invented for the demo:
-- extensions, fees, processing and correction days, the forms' layout,
-- and every news item.  The UI footer says so; do not present any of it as
-- the office's own.
--
-- Phone numbers: units.phone is the main number with the unit's first
-- extension; services.contact_ext is the extension to show on a service's
-- notice sheet, dialled at the same main number.

-- Units (課室) -------------------------------------------------------
INSERT INTO units (code, name_zh, name_en, duties_zh, duties_en, location_zh, location_en, phone, email, sort) VALUES
	('civil', '民政課', 'Civil Affairs Section', '辦理兵役（役男出境、緩徵、替代役、役男家屬生活扶助）、殯葬（公墓、納骨塔、遷葬許可）及里鄰業務；督導里幹事下里服務，維護本區 20 里里政資訊網，並辦理調解委員會會務，每週三上午提供調解及義務律師諮詢。', 'Handles military service matters (travel by draft-age men, deferment, alternative service, support for servicemen''s families), funeral and burial matters (public cemetery, columbarium and exhumation permits) and village affairs. It coordinates the village officers who hold regular hours in each village, keeps the information sites of Luzhu''s 20 villages up to date, and runs the Mediation Committee''s sessions and the free legal consultations every Wednesday morning.', '行政大樓 2 樓', 'Administration Building, 2F', '(07)696-2019 #301', NULL, 1),
	('social', '社會課', 'Social Affairs Section', '辦理社會救助（低收入戶、中低收入戶、急難救助、年節救濟物資）、老人福利（敬老愛心卡、中低收入老人生活津貼、重陽敬老禮金）、身心障礙、兒童少年及特殊境遇家庭扶助、國民年金與全民健保第六類投保。各類福利身分證明現場申辦立即取件，並結合社區照顧關懷據點受理敬老卡申請。', 'Handles public assistance (low-income and middle-to-low-income status, emergency relief, holiday relief supplies), senior welfare (the Senior Love Card, living allowances for seniors, the Double Ninth gift), disability, child and youth, and special-circumstance family assistance, the National Pension and National Health Insurance enrollment. Welfare status certificates are issued on the spot, and Senior Love Card applications are also accepted at community care points.', '行政大樓 1 樓', 'Administration Building, 1F', '(07)696-2019 #201', NULL, 2),
	('econ', '經建課', 'Economic Development and Construction Section', '核發都市計畫土地使用分區證明書（以土地使用分區管理資訊系統加速核發），並辦理路燈維護、區內巷道及產業道路養護、道路側溝清淤等地方建設業務。', 'Issues urban planning zoning certificates (sped up by the land-use zoning information system) and looks after local public works: streetlights, the upkeep of lanes and farm roads, and the clearing of roadside ditches.', '行政大樓 2 樓', 'Administration Building, 2F', '(07)696-2019 #401', NULL, 3),
	('agri', '農業課', 'Agriculture Section', '受理農業天然災害現金救助申報（申報期間例假日照常受理並快速勘災）、調整耕作制度活化農地申報（排定日期至各里受理），核發農業用地作農業使用證明，並籌辦路竹番茄節等農業產業活動。', 'Takes claims for cash relief after agricultural natural disasters (open on weekends and holidays during a claim period, with fast damage surveys), declarations under the farmland activation program (with sessions held in each village), issues certificates of agricultural use of farmland, and organizes farm events such as the Luzhu Tomato Festival.', '行政大樓 2 樓', 'Administration Building, 2F', '(07)696-2019 #501', NULL, 4),
	('secretariat', '秘書室', 'Secretariat', '負責一樓服務台、無障礙及洽公設施、場地借用、網站與最新消息；專責列管人民陳情（含 1999、市長信箱、區長信箱、意見箱），蒐集輿情並辦理電話禮貌測試及服務品質考核。高雄市政府勞工局就業服務台亦設於本所一樓。', 'Runs the 1F information desk, accessibility and visitor facilities, venue bookings, the website and news. It tracks every petition (including those via the 1999 hotline, the Mayor''s Mailbox, the District Chief''s Mailbox and the suggestion boxes), follows press coverage, and runs telephone courtesy tests and service quality reviews. The Kaohsiung City Labor Affairs Bureau''s employment desk is also on 1F.', '行政大樓 3 樓', 'Administration Building, 3F', '(07)696-2019 #601', NULL, 5),
	('personnel', '人事室', 'Personnel Office', '辦理本所人員任免、差勤、待遇福利及訓練；在職證明、離職證明、服務證明及公務人員履歷資料立即核發。', 'Handles appointments, attendance, pay, benefits and training for the office''s staff. Certificates of employment and of past service, and civil service record extracts, are issued on the spot.', '行政大樓 3 樓', 'Administration Building, 3F', '(07)696-2019 #701', NULL, 6),
	('accounting', '會計室', 'Accounting Office', '辦理本所歲計、會計及統計業務：預算編製與執行、經費支付核銷、會計報告及公務統計。本室不受理民眾申辦案件。', 'Handles the office''s budget, accounts and statistics: preparing and executing the budget, checking and paying expenditure, financial reports and official statistics. It does not take applications from the public.', '行政大樓 3 樓', 'Administration Building, 3F', '(07)696-2019 #901', NULL, 7),
	('mediation', '調解委員會', 'Mediation Committee', '依鄉鎮市調解條例調解民事事件及告訴乃論之刑事事件，完全免費；每週三上午 9 時至 12 時於 3 樓調解室進行調解，同時段提供義務律師法律諮詢。會務由民政課辦理。', 'Mediates civil disputes and criminal matters that are prosecuted only on complaint, under the Township and County-administered City Mediation Act, free of charge. Sessions are held every Wednesday from 9:00 to 12:00 in the mediation room on 3F, alongside free consultations with volunteer lawyers. The Civil Affairs Section runs its administration.', '行政大樓 3 樓 調解室', 'Mediation Room, Administration Building, 3F', '(07)696-2019 #801', NULL, 8);

-- Villages (里): the 20 villages of 路竹區, romanized in Hanyu Pinyin ----
INSERT INTO villages (code, name_zh, name_en, sort) VALUES
	('zhuhu', '竹滬里', 'Zhuhu Village', 1),
	('dingliao', '頂寮里', 'Dingliao Village', 2),
	('xinda', '新達里', 'Xinda Village', 3),
	('houxiang', '後鄉里', 'Houxiang Village', 4),
	('beiling', '北嶺里', 'Beiling Village', 5),
	('shexi', '社西里', 'Shexi Village', 6),
	('jiabei', '甲北里', 'Jiabei Village', 7),
	('jianan', '甲南里', 'Jianan Village', 8),
	('xiakeng', '下坑里', 'Xiakeng Village', 9),
	('zhuyuan', '竹園里', 'Zhuyuan Village', 10),
	('zhudong', '竹東里', 'Zhudong Village', 11),
	('zhuxi', '竹西里', 'Zhuxi Village', 12),
	('wenbei', '文北里', 'Wenbei Village', 13),
	('wennan', '文南里', 'Wennan Village', 14),
	('sanye', '三爺里', 'Sanye Village', 15),
	('yaliao', '鴨寮里', 'Yaliao Village', 16),
	('shedong', '社東里', 'Shedong Village', 17),
	('shezhong', '社中里', 'Shezhong Village', 18),
	('zhunan', '竹南里', 'Zhunan Village', 19),
	('shenan', '社南里', 'Shenan Village', 20);

-- Categories: name_zh must match the FAQ corpus exactly (the importer maps by it)
INSERT INTO categories (code, name_zh, name_en, sort) VALUES
	('social-assistance', '社會救助', 'Social assistance', 10),
	('senior', '老人福利', 'Senior welfare', 20),
	('disability', '身心障礙福利', 'Disability welfare', 30),
	('children', '兒少福利', 'Child and youth welfare', 40),
	('special-circumstances', '特殊境遇', 'Families in special circumstances', 50),
	('national-pension', '國民年金', 'National Pension', 60),
	('nhi', '健保', 'National Health Insurance', 70),
	('military', '兵役', 'Military service', 80),
	('funeral', '殯葬', 'Funerals and burial', 90),
	('village', '里鄰', 'Villages and neighborhoods', 100),
	('mediation', '調解', 'Mediation', 110),
	('urban-planning', '都市計畫', 'Urban planning', 120),
	('streetlights', '路燈', 'Streetlights', 130),
	('roads', '道路養護', 'Road maintenance', 140),
	('drainage', '排水', 'Drainage', 150),
	('agri-disaster', '農業災害', 'Agricultural disaster relief', 160),
	('agriculture', '農業', 'Agriculture', 170),
	('local-events', '地方活動', 'Local events', 180),
	('personnel', '人事', 'Personnel', 190),
	('public-service', '為民服務', 'Citizen services', 200),
	('petitions', '陳情', 'Petitions', 210),
	('facilities', '設施', 'Facilities', 220),
	('venue', '場地借用', 'Venue booking', 230),
	('employment', '就業服務', 'Employment services', 240);

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

-- Services, each followed by its items (what to bring), steps and forms --

-- 1 low-income-apply: 低收入戶、中低收入戶申請
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(1, 'low-income-apply', 'social', 'social-assistance', '低收入戶、中低收入戶申請', 'Low-income or middle-to-low-income household status', '家庭總收入及財產符合當年度公告標準者，可申請核定為低收入戶或中低收入戶，取得生活扶助及各項福利資格。本所調查家庭所得、財產並訪視後，送高雄市政府社會局核定。', 'Households whose total income and assets are within this year''s published limits can apply to be certified as low-income or middle-to-low-income, which qualifies them for living assistance and other benefits. We check the household''s income and assets and visit the home, then send the case to the Kaohsiung City Social Affairs Bureau for a decision.', '設籍本區並實際居住之家庭，且家庭總收入平均分配全家人口，每人每月未超過當年度最低生活費（低收入戶）或其 1.5 倍（中低收入戶），動產及不動產亦未超過當年度公告限額。', 'Households registered and actually living in Luzhu whose total income, divided among all household members, is no more than this year''s minimum living expense per person per month (low-income) or 1.5 times that amount (middle-to-low-income), and whose savings and property are within this year''s published limits.', '免費', 'Free', 30, 0, 14, '社會救助法第4條、第4條之1、第5條；社會救助法施行細則', 'Public Assistance Act, Articles 4, 4-1 and 5; Enforcement Rules of the Public Assistance Act', '資料不齊時，承辦人會開立一次告知單，請於 14 日內補正；逾期未補正者，依現有資料審核，可能影響核定結果。家人代為申請者，請附委託書及代理人身分證。審核期間家庭人口、收入或住址有變動，請主動告知。核定後每年須配合年度總清查。', 'If anything is missing, the officer gives you a one-time notice; please supply the items within 14 days. If you do not, the case is decided on what we have, which may affect the result. A family member may apply for you with a letter of authorization and their own ID card. Tell us if the household''s members, income or address change while we review the case. Certified households take part in an annual review every year.', '201', '2026-01-05T01:00:00Z', 201);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(1, 1, 'cond', '申請人設籍本區並實際居住', 'The applicant is registered in Luzhu and actually lives here'),
	(1, 2, 'doc', '申請表（現場填寫或由本所網站下載）', 'The application form (fill it in at the counter or download it from our website)'),
	(1, 3, 'doc', '申請人國民身分證正本', 'The applicant''s national ID card (original)'),
	(1, 4, 'doc', '全戶戶口名簿或最近 3 個月內戶籍謄本', 'The household registration book, or a household registration transcript issued within the last 3 months, covering the whole household'),
	(1, 5, 'doc', '申請人印章（或親自簽名）', 'The applicant''s personal seal (or sign in person)'),
	(1, 6, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook'),
	(1, 7, 'doc', '工作收入證明、租屋契約或在學證明等（有者檢附）', 'Proof of work income, a lease, or proof of school enrollment, where applicable');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(1, 1, '攜帶文件至一樓社會課櫃檯送件，承辦人當場檢核。', 'Bring the documents to the Social Affairs Section counter on 1F; the officer checks them on the spot.'),
	(1, 2, '文件不全者開立一次告知單，列明所有應補正項目及期限；補正期間暫停計算處理期限。', 'If anything is missing, you receive a one-time notice listing every item to add and the deadline; the processing clock stops until you supply them.'),
	(1, 3, '本所調查全家人口之所得及財產，並由社工或里幹事訪視。', 'We check the income and assets of everyone in the household, and a social worker or village officer visits your home.'),
	(1, 4, '初審後送高雄市政府社會局核定。', 'After our review the case goes to the Kaohsiung City Social Affairs Bureau for a decision.'),
	(1, 5, '以書面通知核定結果。', 'You are told the decision in writing.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(1, 1, '低收入戶、中低收入戶申請表', 'Application for low-income or middle-to-low-income household status', 'forms/social-assistance-application.html'),
	(1, 2, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 2 low-income-cert: 低收入戶證明
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(2, 'low-income-cert', 'social', 'social-assistance', '低收入戶證明', 'Low-income household certificate', '已核定為本區低收入戶者，可申請低收入戶證明書，供就學、就醫或各項減免使用，現場申辦立即取件。', 'Members of a household certified as low-income in Luzhu can get a certificate for school, medical care or fee reductions. It is issued on the spot while you wait.', '經核定為本區低收入戶之戶內人口。', 'Members of a household currently certified as low-income in Luzhu.', '免費', 'Free', 0, 1, 7, '社會救助法第4條', 'Public Assistance Act, Article 4', '許多學校及機關已可線上查驗福利身分，申請前可先向需求單位確認是否仍需紙本。家人代為申請者，請帶委託書、代理人身分證及當事人身分證影本。中午 12 時至 1 時 30 分亦可辦理。', 'Many schools and agencies can now check welfare status online; ask them whether they still need a paper certificate before you come. A family member may apply for you with a letter of authorization, their own ID card and a copy of your ID card. This service is also available over the lunch break, 12:00 to 13:30.', '201', '2026-01-05T01:00:00Z', 202);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(2, 1, 'cond', '本戶經核定為低收入戶，且資格仍有效', 'Your household is certified as low-income and the status is still valid'),
	(2, 2, 'doc', '本人國民身分證（或戶口名簿）', 'Your national ID card (or the household registration book)'),
	(2, 3, 'doc', '代辦者：委託書、代理人身分證及當事人身分證影本', 'If someone applies for you: a letter of authorization, the proxy''s ID card and a copy of your ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(2, 1, '至一樓社會課櫃檯，說明證明用途並出示身分證。', 'Come to the Social Affairs Section counter on 1F, say what the certificate is for and show your ID card.'),
	(2, 2, '承辦人查核福利身分。', 'The officer checks your welfare status.'),
	(2, 3, '現場列印、用印，立即取件。', 'The certificate is printed and stamped while you wait.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(2, 1, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 3 mid-low-income-cert: 中低收入戶證明
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(3, 'mid-low-income-cert', 'social', 'social-assistance', '中低收入戶證明', 'Middle-to-low-income household certificate', '已核定為本區中低收入戶者，可申請中低收入戶證明書，供就學、就醫或各項減免使用，現場申辦立即取件。', 'Members of a household certified as middle-to-low-income in Luzhu can get a certificate for school, medical care or fee reductions. It is issued on the spot while you wait.', '經核定為本區中低收入戶之戶內人口。', 'Members of a household currently certified as middle-to-low-income in Luzhu.', '免費', 'Free', 0, 1, 7, '社會救助法第4條之1', 'Public Assistance Act, Article 4-1', '申請前可先向需求單位確認是否已可線上查驗福利身分。家人代為申請者，請帶委託書、代理人身分證及當事人身分證影本。中午 12 時至 1 時 30 分亦可辦理。', 'Before you come, ask the school or agency whether it can check your status online instead. A family member may apply for you with a letter of authorization, their own ID card and a copy of your ID card. This service is also available over the lunch break, 12:00 to 13:30.', '201', '2026-01-05T01:00:00Z', 203);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(3, 1, 'cond', '本戶經核定為中低收入戶，且資格仍有效', 'Your household is certified as middle-to-low-income and the status is still valid'),
	(3, 2, 'doc', '本人國民身分證（或戶口名簿）', 'Your national ID card (or the household registration book)'),
	(3, 3, 'doc', '代辦者：委託書、代理人身分證及當事人身分證影本', 'If someone applies for you: a letter of authorization, the proxy''s ID card and a copy of your ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(3, 1, '至一樓社會課櫃檯，說明證明用途並出示身分證。', 'Come to the Social Affairs Section counter on 1F, say what the certificate is for and show your ID card.'),
	(3, 2, '承辦人查核福利身分。', 'The officer checks your welfare status.'),
	(3, 3, '現場列印、用印，立即取件。', 'The certificate is printed and stamped while you wait.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(3, 1, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 4 welfare-status-cert: 社會福利補助證明（身障生活補助、中低收入老人津貼、特殊境遇、弱勢兒少）
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(4, 'welfare-status-cert', 'social', 'social-assistance', '社會福利補助證明（身障生活補助、中低收入老人津貼、特殊境遇、弱勢兒少）', 'Certificate of welfare benefits (disability allowance, senior allowance, special-circumstance or child and youth assistance)', '正在領取身心障礙者生活補助、中低收入老人生活津貼、特殊境遇家庭扶助（含子女教育補助認證）或弱勢兒童少年生活扶助者，可申請領取證明，現場申辦立即取件。', 'People receiving the disability living allowance, the living allowance for middle-to-low-income seniors, special-circumstance family assistance (including the children''s education grant) or child and youth living assistance can get a certificate of it. It is issued on the spot while you wait.', '目前經核定領取上述補助或扶助之本區民眾。', 'Luzhu residents currently approved for one of these benefits.', '免費', 'Free', 0, 1, 7, '身心障礙者權益保障法第71條；老人福利法第12條；特殊境遇家庭扶助條例第4條', 'People with Disabilities Rights Protection Act, Article 71; Senior Citizens Welfare Act, Article 12; Act of Assistance for Family in Hardship, Article 4', '請先向需求單位確認所需證明的種類與份數。家人代為申請者，請帶委託書、代理人身分證及當事人身分證影本。', 'Check first with the school or agency which certificate it needs and how many copies. A family member may apply for you with a letter of authorization, their own ID card and a copy of your ID card.', '202', '2026-01-05T01:00:00Z', 204);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(4, 1, 'cond', '目前經核定領取補助或扶助', 'You are currently approved for the benefit'),
	(4, 2, 'doc', '本人國民身分證（或戶口名簿）', 'Your national ID card (or the household registration book)'),
	(4, 3, 'doc', '代辦者：委託書、代理人身分證及當事人身分證影本', 'If someone applies for you: a letter of authorization, the proxy''s ID card and a copy of your ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(4, 1, '至一樓社會課櫃檯，說明需要的證明種類及用途。', 'Come to the Social Affairs Section counter on 1F and say which certificate you need and what for.'),
	(4, 2, '承辦人查核補助資格。', 'The officer checks your benefit records.'),
	(4, 3, '現場列印、用印，立即取件。', 'The certificate is printed and stamped while you wait.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(4, 1, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 5 disability-allowance: 身心障礙者生活補助
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(5, 'disability-allowance', 'social', 'disability', '身心障礙者生活補助', 'Living allowance for people with disabilities', '領有身心障礙證明、家庭經濟狀況符合標準者，可申請按月發給的生活補助，金額依障礙等級與家庭經濟狀況核定。', 'People with a disability certificate whose household finances meet the limits can apply for a monthly living allowance. The amount depends on the degree of disability and the household''s finances.', '領有有效身心障礙證明，設籍本市並實際居住，最近一年居住國內超過 183 日，家庭總收入及財產符合當年度公告標準，且未接受政府全額補助收容安置者。', 'People who hold a valid disability certificate, are registered and actually living in Kaohsiung, spent more than 183 days in Taiwan in the past year, whose household income and assets are within this year''s published limits, and who are not in a residential placement fully paid for by the government.', '免費', 'Free', 30, 0, 14, '身心障礙者權益保障法第71條；身心障礙者生活補助費發給辦法', 'People with Disabilities Rights Protection Act, Article 71; Regulations on the Living Allowance for People with Disabilities', '資料不齊時，承辦人會開立一次告知單，請於 14 日內補正；逾期未補正者，依現有資料審核，可能影響核定結果。核定後自申請當月起按月撥入本人帳戶。已領取其他性質相同之政府補助者，不得重複請領。', 'If anything is missing, the officer gives you a one-time notice; please supply the items within 14 days. If you do not, the case is decided on what we have, which may affect the result. Once approved, the allowance is paid monthly into your own account, counting from the month you applied. It cannot be combined with other government allowances of the same kind.', '202', '2026-01-05T01:00:00Z', 205);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(5, 1, 'cond', '設籍本市並實際居住，最近一年居住國內超過 183 日', 'Registered and actually living in Kaohsiung, and in Taiwan for more than 183 days in the past year'),
	(5, 2, 'doc', '申請表', 'The application form'),
	(5, 3, 'doc', '有效之身心障礙證明', 'A valid disability certificate'),
	(5, 4, 'doc', '申請人國民身分證正本', 'The applicant''s national ID card (original)'),
	(5, 5, 'doc', '全戶戶口名簿或最近 3 個月內戶籍謄本', 'The household registration book, or a household registration transcript issued within the last 3 months, covering the whole household'),
	(5, 6, 'doc', '申請人印章（或親自簽名）', 'The applicant''s personal seal (or sign in person)'),
	(5, 7, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(5, 1, '攜帶文件至一樓社會課櫃檯送件，承辦人當場檢核。', 'Bring the documents to the Social Affairs Section counter on 1F; the officer checks them on the spot.'),
	(5, 2, '文件不全者開立一次告知單，列明所有應補正項目及期限；補正期間暫停計算處理期限。', 'If anything is missing, you receive a one-time notice listing every item to add and the deadline; the processing clock stops until you supply them.'),
	(5, 3, '本所調查家庭所得及財產，必要時訪視。', 'We check the household''s income and assets and may visit your home.'),
	(5, 4, '送高雄市政府社會局核定，以書面通知結果。', 'The Kaohsiung City Social Affairs Bureau decides; you are told the result in writing.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(5, 1, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 6 senior-living-allowance: 中低收入老人生活津貼
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(6, 'senior-living-allowance', 'social', 'senior', '中低收入老人生活津貼', 'Living allowance for middle-to-low-income seniors', '年滿 65 歲、家庭經濟狀況符合標準的長者，可申請按月發給的生活津貼，津貼撥入長者本人帳戶。', 'People aged 65 or over whose household finances meet the limits can apply for a monthly living allowance, paid into the senior''s own account.', '年滿 65 歲，設籍本市並實際居住，最近一年居住國內超過 183 日，未接受政府公費收容安置；家庭總收入平均分配全家人口之金額及動產、不動產在當年度公告標準以內。', 'People aged 65 or over who are registered and actually living in Kaohsiung, spent more than 183 days in Taiwan in the past year and are not in a publicly funded residential placement, and whose household income per person, savings and property are within this year''s published limits.', '免費', 'Free', 30, 0, 14, '老人福利法第12條；中低收入老人生活津貼發給辦法', 'Senior Citizens Welfare Act, Article 12; Regulations on the Living Allowance for Middle-to-Low-Income Seniors', '長輩行動不便時，可由子女或親屬代為申請，請附委託書及代辦人身分證；津貼只撥入長輩本人帳戶。受理後本所仍會安排社工或里幹事訪視長輩。資料不齊時，承辦人會開立一次告知單，請於 14 日內補正；逾期未補正者，依現有資料審核，可能影響核定結果。', 'If the senior cannot come in, a child or relative may apply with a letter of authorization and their own ID card; the allowance is paid only into the senior''s own account. We will still arrange for a social worker or village officer to visit the senior. If anything is missing, the officer gives you a one-time notice; please supply the items within 14 days. If you do not, the case is decided on what we have, which may affect the result.', '202', '2026-01-05T01:00:00Z', 206);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(6, 1, 'cond', '年滿 65 歲，設籍本市並實際居住', 'Aged 65 or over, registered and actually living in Kaohsiung'),
	(6, 2, 'doc', '申請表', 'The application form'),
	(6, 3, 'doc', '長輩國民身分證及印章', 'The senior''s national ID card and seal'),
	(6, 4, 'doc', '長輩本人名下存摺封面影本', 'A copy of the cover page of a passbook in the senior''s own name'),
	(6, 5, 'doc', '全戶戶口名簿或最近 3 個月內戶籍謄本', 'The household registration book, or a household registration transcript issued within the last 3 months, covering the whole household'),
	(6, 6, 'doc', '代辦者：委託書及代辦人身分證', 'If someone applies for the senior: a letter of authorization and the proxy''s ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(6, 1, '攜帶文件至一樓社會課櫃檯送件，承辦人當場檢核。', 'Bring the documents to the Social Affairs Section counter on 1F; the officer checks them on the spot.'),
	(6, 2, '文件不全者開立一次告知單，列明所有應補正項目及期限；補正期間暫停計算處理期限。', 'If anything is missing, you receive a one-time notice listing every item to add and the deadline; the processing clock stops until you supply them.'),
	(6, 3, '社工或里幹事訪視長輩，確認實際居住情形。', 'A social worker or village officer visits the senior to confirm where they actually live.'),
	(6, 4, '本所調查家庭所得及財產，送高雄市政府社會局核定。', 'We check the household''s income and assets and send the case to the Kaohsiung City Social Affairs Bureau for a decision.'),
	(6, 5, '以書面通知結果，核定後按月撥款。', 'You are told the result in writing; once approved, the allowance is paid monthly.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(6, 1, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 7 special-family-assistance: 特殊境遇家庭扶助（含單親家庭）
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(7, 'special-family-assistance', 'social', 'special-circumstances', '特殊境遇家庭扶助（含單親家庭）', 'Assistance for families in special circumstances (including single parents)', '配偶死亡或失蹤、遭受家庭暴力、離婚後獨自扶養子女、未婚懷孕等家庭，經濟狀況符合標準者，可申請緊急生活扶助、子女生活津貼、子女教育補助、傷病醫療補助、兒童托育津貼及法律訴訟補助。', 'Families facing the death or disappearance of a spouse, domestic violence, raising children alone after divorce, pregnancy outside marriage and similar hardship, and whose finances meet the limits, can apply for emergency living assistance, a child living allowance, children''s education grants, medical grants, childcare grants and legal aid.', '家庭總收入平均分配全家人口，每人每月未超過當年度最低生活費 2.5 倍及臺灣地區平均每人每月消費支出 1.5 倍，家庭財產未超過公告標準，且具配偶死亡或失蹤、因家庭暴力受有保護令、未婚懷孕、獨自扶養 18 歲以下子女或孫子女等情形之一者。', 'Households whose income per person per month is no more than 2.5 times this year''s minimum living expense and no more than 1.5 times Taiwan''s average consumer spending per person, whose assets are within the published limits, and where one of these applies: the spouse has died or is missing, there is a protection order for domestic violence, an unmarried pregnancy, or a parent or grandparent is raising children under 18 alone.', '免費', 'Free', 30, 0, 14, '特殊境遇家庭扶助條例第4條', 'Act of Assistance for Family in Hardship, Article 4', '有人身安全疑慮者，可請承辦人安排獨立空間面談，資料全程保密；緊急狀況請撥 113 保護專線。緊急生活扶助視情況優先處理。資料不齊時，承辦人會開立一次告知單，請於 14 日內補正；逾期未補正者，依現有資料審核，可能影響核定結果。', 'If you are worried about your safety, ask the officer for a private room; your information stays confidential throughout. In an emergency call the 113 protection hotline. Emergency living assistance is handled first where needed. If anything is missing, the officer gives you a one-time notice; please supply the items within 14 days. If you do not, the case is decided on what we have, which may affect the result.', '203', '2026-01-05T01:00:00Z', 207);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(7, 1, 'cond', '符合特殊境遇家庭扶助條例第4條所列情形之一', 'One of the situations listed in Article 4 of the Act applies to you'),
	(7, 2, 'doc', '申請表', 'The application form'),
	(7, 3, 'doc', '申請人國民身分證正本', 'The applicant''s national ID card (original)'),
	(7, 4, 'doc', '全戶戶口名簿或最近 3 個月內戶籍謄本', 'The household registration book, or a household registration transcript issued within the last 3 months, covering the whole household'),
	(7, 5, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook'),
	(7, 6, 'doc', '事由證明：保護令、死亡證明、離婚證明或診斷證明等', 'Proof of your situation: a protection order, death certificate, divorce record, medical certificate or similar');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(7, 1, '攜帶文件至一樓社會課櫃檯送件，承辦人當場檢核。', 'Bring the documents to the Social Affairs Section counter on 1F; the officer checks them on the spot.'),
	(7, 2, '文件不全者開立一次告知單，列明所有應補正項目及期限；補正期間暫停計算處理期限。', 'If anything is missing, you receive a one-time notice listing every item to add and the deadline; the processing clock stops until you supply them.'),
	(7, 3, '本所調查家庭所得及財產，並由社工評估扶助項目。', 'We check the household''s income and assets, and a social worker assesses which kinds of assistance fit.'),
	(7, 4, '送高雄市政府社會局核定，以書面通知結果。', 'The Kaohsiung City Social Affairs Bureau decides; you are told the result in writing.');

-- 8 child-youth-assistance: 弱勢家庭兒童及少年生活扶助
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(8, 'child-youth-assistance', 'social', 'children', '弱勢家庭兒童及少年生活扶助', 'Living assistance for children and youth in disadvantaged families', '父母一方死亡、失蹤、罹患重病或入獄服刑等原因，致家庭生活陷入困境者，可為未滿 18 歲的子女申請生活扶助。', 'When a parent has died, gone missing, fallen seriously ill or been imprisoned and the family is struggling, you can apply for living assistance for children under 18.', '未滿 18 歲之兒童及少年，因父母一方死亡、失蹤、罹患重病、入獄服刑等原因致家庭生活陷入困境，且家庭總收入及財產符合當年度公告標準者。已領取低收入戶兒童生活補助者不得重複申請。', 'Children and young people under 18 whose family is in hardship because a parent has died, gone missing, fallen seriously ill or been imprisoned, and whose household income and assets are within this year''s published limits. Children already receiving the low-income child allowance cannot also receive this.', '免費', 'Free', 30, 0, 14, '兒童及少年福利與權益保障法；高雄市政府弱勢家庭兒童及少年生活扶助相關規定', 'Protection of Children and Youths Welfare and Rights Act; Kaohsiung City Government rules on living assistance for children and youth in disadvantaged families', '資料不齊時，承辦人會開立一次告知單，請於 14 日內補正；逾期未補正者，依現有資料審核，可能影響核定結果。核定後按月撥入申請人帳戶；家庭狀況改變時請主動通報，以免溢領須繳回。', 'If anything is missing, the officer gives you a one-time notice; please supply the items within 14 days. If you do not, the case is decided on what we have, which may affect the result. Once approved, payments go monthly into the applicant''s account. Tell us when the family''s situation changes, or overpayments will have to be returned.', '203', '2026-01-05T01:00:00Z', 208);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(8, 1, 'cond', '子女未滿 18 歲，家庭因父母一方遭遇變故陷入困境', 'The children are under 18 and the family is in hardship because of what happened to a parent'),
	(8, 2, 'doc', '申請表', 'The application form'),
	(8, 3, 'doc', '全戶戶口名簿或最近 3 個月內戶籍謄本', 'The household registration book, or a household registration transcript issued within the last 3 months, covering the whole household'),
	(8, 4, 'doc', '申請人國民身分證正本', 'The applicant''s national ID card (original)'),
	(8, 5, 'doc', '申請人印章（或親自簽名）', 'The applicant''s personal seal (or sign in person)'),
	(8, 6, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook'),
	(8, 7, 'doc', '事由證明：死亡證明書、診斷證明書、在監證明等', 'Proof of what happened: a death certificate, medical certificate, proof of imprisonment or similar');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(8, 1, '攜帶文件至一樓社會課櫃檯送件，承辦人當場檢核。', 'Bring the documents to the Social Affairs Section counter on 1F; the officer checks them on the spot.'),
	(8, 2, '文件不全者開立一次告知單，列明所有應補正項目及期限；補正期間暫停計算處理期限。', 'If anything is missing, you receive a one-time notice listing every item to add and the deadline; the processing clock stops until you supply them.'),
	(8, 3, '本所調查家庭所得及財產，必要時訪視。', 'We check the household''s income and assets and may visit your home.'),
	(8, 4, '送高雄市政府社會局核定，以書面通知結果。', 'The Kaohsiung City Social Affairs Bureau decides; you are told the result in writing.');

-- 9 emergency-relief: 急難救助
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(9, 'emergency-relief', 'social', 'social-assistance', '急難救助', 'Emergency relief', '負擔家庭主要生計者死亡、失蹤、罹患重病或遭遇意外，致家庭生活陷入困境時，可申請一次性的急難救助金。', 'When the family''s main earner dies, goes missing, falls seriously ill or has an accident and the family is left in hardship, you can apply for a one-off emergency relief payment.', '設籍本市，家中負擔主要生計者死亡、失蹤、罹患重病、失業或因其他原因無法工作，或遭遇重大變故致生活陷於困境者；原則於事故發生後 3 個月內申請。', 'Households registered in Kaohsiung whose main earner has died, gone missing, fallen seriously ill, lost their job or cannot work for another reason, or which have suffered a serious event that leaves them in hardship. Apply, as a rule, within 3 months of the event.', '免費', 'Free', 14, 0, 7, '社會救助法第21條', 'Public Assistance Act, Article 21', '情況急迫者可依「馬上關懷」機制加速處理；也可請里長或里幹事協助轉介。救助金額依實際困難程度及當年度標準核定。資料不齊時開立一次告知單，請於 7 日內補正。', 'Urgent cases can be sped up through the "Immediate Care" scheme, and your village chief or village officer can refer you. The amount depends on the hardship and this year''s standards. If anything is missing you receive a one-time notice; please supply the items within 7 days.', '201', '2026-01-05T01:00:00Z', 209);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(9, 1, 'cond', '事故發生後 3 個月內提出申請', 'You apply within 3 months of the event'),
	(9, 2, 'doc', '申請表', 'The application form'),
	(9, 3, 'doc', '申請人國民身分證正本', 'The applicant''s national ID card (original)'),
	(9, 4, 'doc', '全戶戶口名簿或最近 3 個月內戶籍謄本', 'The household registration book, or a household registration transcript issued within the last 3 months, covering the whole household'),
	(9, 5, 'doc', '申請人印章（或親自簽名）', 'The applicant''s personal seal (or sign in person)'),
	(9, 6, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook'),
	(9, 7, 'doc', '事故證明：診斷證明書、死亡證明書、失業證明或其他相關文件', 'Proof of the event: a medical certificate, death certificate, proof of unemployment or other documents');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(9, 1, '攜帶文件至一樓社會課櫃檯送件，承辦人當場檢核。', 'Bring the documents to the Social Affairs Section counter on 1F; the officer checks them on the spot.'),
	(9, 2, '本所派員訪視，了解家庭實際困難。', 'We visit your home to understand the family''s situation.'),
	(9, 3, '依訪視結果核定救助金額。', 'The amount is decided on the basis of the visit.'),
	(9, 4, '核定後撥入申請人帳戶，並以書面通知。', 'Once approved, the money is paid into the applicant''s account and you are told in writing.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(9, 1, '急難救助申請表', 'Application for emergency relief', 'forms/emergency-relief-application.html');

-- 10 senior-card: 敬老愛心卡（老人乘車證）申請
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(10, 'senior-card', 'social', 'senior', '敬老愛心卡（老人乘車證）申請', 'Senior Love Card (senior transit pass)', '設籍高雄市的長者可申辦敬老愛心卡，搭乘大眾運輸享有優惠。除一樓社會課外，也可在本區社區照顧關懷據點送件。', 'Seniors registered in Kaohsiung can apply for the Senior Love Card, which gives discounts on public transport. Besides the Social Affairs Section on 1F, you can apply at a community care point in Luzhu.', '設籍高雄市、年滿 65 歲之長者；原住民年滿 55 歲。', 'People registered in Kaohsiung aged 65 or over, or 55 or over for Indigenous people.', '首次申辦免費', 'Free for a first card', 15, 0, 7, '老人福利法第25條；高雄市政府敬老愛心卡相關規定', 'Senior Citizens Welfare Act, Article 25; Kaohsiung City Government rules on the Senior Love Card', '可於社區照顧關懷據點代收申請，收件時間請先向據點確認。家屬代辦請另帶代辦人身分證。卡片完成後以簡訊或電話通知，領卡時須核對身分。乘車優惠內容依高雄市政府當年度規定。', 'Community care points can take your application; check their hours first. A family member applying for you should also bring their own ID card. We text or call you when the card is ready, and we check your identity when you collect it. The travel discounts follow the Kaohsiung City Government''s rules for the year.', '204', '2026-01-05T01:00:00Z', 210);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(10, 1, 'cond', '設籍高雄市，年滿 65 歲（原住民年滿 55 歲）', 'Registered in Kaohsiung, aged 65 or over (55 or over for Indigenous people)'),
	(10, 2, 'doc', '申請書', 'The application form'),
	(10, 3, 'doc', '本人國民身分證正本', 'Your national ID card (original)'),
	(10, 4, 'doc', '最近 6 個月內 1 吋彩色照片 1 張', 'One 1-inch color photo taken within the last 6 months'),
	(10, 5, 'doc', '家屬代辦：代辦人身分證', 'If a family member applies for you: their ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(10, 1, '於一樓社會課或社區照顧關懷據點填寫申請書並送件。', 'Fill in the form and hand it in at the Social Affairs Section on 1F or at a community care point.'),
	(10, 2, '承辦人核對年齡及設籍資格。', 'The officer checks your age and registration.'),
	(10, 3, '送高雄市政府製卡，約 10 至 15 個工作天。', 'The card is made by the Kaohsiung City Government, which takes about 10 to 15 working days.'),
	(10, 4, '以簡訊或電話通知，本人或據點代領，領卡時核對身分。', 'We text or call you; you or the care point collect the card, and we check identity on collection.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(10, 1, '敬老愛心卡申請書', 'Senior Love Card application form', 'forms/senior-card-application.html');

-- 11 senior-card-replace: 敬老愛心卡補發（遺失、損壞）
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(11, 'senior-card-replace', 'social', 'senior', '敬老愛心卡補發（遺失、損壞）', 'Senior Love Card replacement (lost or damaged)', '敬老愛心卡遺失或損壞時，可申請掛失及補發新卡。', 'If your Senior Love Card is lost or damaged, you can report it and get a new one.', '原已領有高雄市敬老愛心卡之長者。', 'Seniors who already hold a Kaohsiung Senior Love Card.', '補卡工本費，金額依高雄市政府公告', 'A replacement fee set by the Kaohsiung City Government', 15, 0, 7, '老人福利法第25條；高雄市政府敬老愛心卡相關規定', 'Senior Citizens Welfare Act, Article 25; Kaohsiung City Government rules on the Senior Love Card', '遺失時請儘速到社會課或來電掛失，以免遭他人冒用。卡片損壞申請換發者，請一併繳回舊卡。原卡剩餘乘車優惠能否轉移，依市府規定辦理。', 'Report a lost card to the Social Affairs Section in person or by phone as soon as possible so nobody else can use it. If the card is damaged, bring it with you and hand it in. Whether unused travel credit moves to the new card depends on the city''s rules.', '204', '2026-01-05T01:00:00Z', 211);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(11, 1, 'doc', '補發申請書', 'The replacement application form'),
	(11, 2, 'doc', '本人國民身分證正本', 'Your national ID card (original)'),
	(11, 3, 'doc', '最近 6 個月內 1 吋彩色照片 1 張', 'One 1-inch color photo taken within the last 6 months'),
	(11, 4, 'doc', '損壞換發者：原卡', 'If the card is damaged: the old card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(11, 1, '來電或到一樓社會課辦理掛失。', 'Report the card lost by phone or at the Social Affairs Section on 1F.'),
	(11, 2, '填寫補發申請書並繳交工本費。', 'Fill in the replacement form and pay the fee.'),
	(11, 3, '送高雄市政府製卡，約 10 至 15 個工作天。', 'The new card is made by the Kaohsiung City Government, which takes about 10 to 15 working days.'),
	(11, 4, '接獲通知後本人領卡。', 'Collect the card in person when we tell you it is ready.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(11, 1, '敬老愛心卡申請書', 'Senior Love Card application form', 'forms/senior-card-application.html');

-- 12 pension-premium-subsidy: 國民年金保險費補助（所得未達一定標準）
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(12, 'pension-premium-subsidy', 'social', 'national-pension', '國民年金保險費補助（所得未達一定標準）', 'National Pension premium subsidy (low household income)', '國民年金被保險人家庭所得及財產未達一定標準者，可向戶籍地區公所申請補助部分保險費。', 'National Pension members whose household income and assets are below set limits can apply at their district office for help with part of their premiums.', '國民年金被保險人，家庭總所得平均分配全家人口未達當年度公告標準，且家庭財產未超過一定金額者。低收入戶、中低收入戶及身心障礙者由系統自動比對，不必另行申請。', 'National Pension members whose household income per person is below this year''s published limit and whose household assets are below a set amount. Low-income and middle-to-low-income households and people with disabilities are matched automatically and do not need to apply.', '免費', 'Free', 30, 0, 14, '國民年金法第12條', 'National Pension Act, Article 12', '本所調查家庭所得及財產後，送勞動部勞工保險局審核。暫時無力繳納者可日後補繳，但超過 10 年未繳即不能再補繳，會影響年資。資料不齊時，承辦人會開立一次告知單，請於 14 日內補正；逾期未補正者，依現有資料審核，可能影響核定結果。', 'After we check the household''s income and assets, the Bureau of Labor Insurance decides. If you cannot pay for now you can pay later, but premiums more than 10 years overdue can no longer be paid and the years are lost. If anything is missing, the officer gives you a one-time notice; please supply the items within 14 days. If you do not, the case is decided on what we have, which may affect the result.', '205', '2026-01-05T01:00:00Z', 212);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(12, 1, 'cond', '現為國民年金被保險人', 'You are currently insured under the National Pension'),
	(12, 2, 'doc', '申請表', 'The application form'),
	(12, 3, 'doc', '申請人國民身分證正本', 'The applicant''s national ID card (original)'),
	(12, 4, 'doc', '申請人印章（或親自簽名）', 'The applicant''s personal seal (or sign in person)'),
	(12, 5, 'doc', '全戶戶口名簿或最近 3 個月內戶籍謄本', 'The household registration book, or a household registration transcript issued within the last 3 months, covering the whole household');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(12, 1, '至一樓社會課國民年金櫃檯填寫申請表。', 'Fill in the form at the National Pension counter of the Social Affairs Section on 1F.'),
	(12, 2, '本所調查家庭所得及財產。', 'We check the household''s income and assets.'),
	(12, 3, '送勞動部勞工保險局審核，由勞保局通知結果。', 'The case goes to the Bureau of Labor Insurance, which tells you the result.');

-- 13 childcare-allowance: 育兒津貼
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(13, 'childcare-allowance', 'social', 'children', '育兒津貼', 'Childcare allowance', '幼兒由父母或親屬在家照顧、未使用公共化或準公共托育服務者，可申請按月發給的育兒津貼；可在辦理出生登記時一併申請。', 'Families who look after a young child at home, without public or quasi-public childcare, can apply for a monthly childcare allowance. You can apply when you register the birth.', '育有符合當年度規定年齡之幼兒，由父母或親屬自行照顧，未使用公共化或準公共托育服務，且未領取其他性質相同之補助者；適用年齡與金額依中央及市府當年度規定。', 'Families with a child of the age set for the year, looked after by parents or relatives, not using public or quasi-public childcare and not receiving a similar benefit. The age range and amount follow this year''s national and city rules.', '免費', 'Free', 40, 0, 14, '育兒津貼作業要點', 'Ministry of Health and Welfare Guidelines for the Childcare Allowance', '可在戶政事務所辦理出生登記時一併申請，不必另跑公所。資料齊全者約於受理後 1 至 2 個月內核撥，之後按月撥款。幼兒改送托嬰中心、保母或戶籍變更時，請主動通報，以免溢領須繳回。', 'You can apply at the household registration office when you register the birth, with no separate trip here. Complete applications are usually paid within 1 to 2 months, then monthly. If the child starts at a nursery or with a childminder, or the child''s household registration moves, tell us, so that you do not have to pay back overpayments.', '203', '2026-01-05T01:00:00Z', 213);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(13, 1, 'doc', '申請表', 'The application form'),
	(13, 2, 'doc', '申請人及幼兒之身分證明或戶口名簿', 'Identity documents or the household registration book for the applicant and the child'),
	(13, 3, 'doc', '申請人印章（或親自簽名）', 'The applicant''s personal seal (or sign in person)'),
	(13, 4, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(13, 1, '於出生登記時或至一樓社會課填寫申請表。', 'Fill in the form when registering the birth, or at the Social Affairs Section on 1F.'),
	(13, 2, '文件不全者開立一次告知單，列明所有應補正項目及期限；補正期間暫停計算處理期限。', 'If anything is missing, you receive a one-time notice listing every item to add and the deadline; the processing clock stops until you supply them.'),
	(13, 3, '審核資格後按月撥款。', 'Once eligibility is confirmed, the allowance is paid monthly.');

-- 14 double-ninth-gift: 重陽敬老禮金補領
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(14, 'double-ninth-gift', 'social', 'senior', '重陽敬老禮金補領', 'Double Ninth senior gift: late collection', '重陽敬老禮金由各里辦公處定點發放；未能領取者，可於公告的補領期間到一樓社會課補領，現場發給。', 'The Double Ninth gift for seniors is handed out at set places by each village office. If you missed it, collect it at the Social Affairs Section on 1F during the announced collection period; it is paid on the spot.', '符合高雄市政府當年度公告之發放對象，未於定點發放時領取者。', 'Seniors in the group announced by the Kaohsiung City Government for the year who did not collect the gift when it was handed out.', '免費', 'Free', 0, 1, 7, '老人福利法；高雄市政府當年度重陽敬老禮金發放計畫', 'Senior Citizens Welfare Act; the Kaohsiung City Government''s Double Ninth gift program for the year', '補領期間結束後即不再發放，請留意公告期限。家屬代領請另帶代領人身分證。', 'Nothing is paid after the collection period ends, so watch the announced dates. A family member collecting for you should also bring their own ID card.', '204', '2026-01-05T01:00:00Z', 214);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(14, 1, 'cond', '於公告之補領期間內辦理', 'You come during the announced collection period'),
	(14, 2, 'doc', '長者國民身分證', 'The senior''s national ID card'),
	(14, 3, 'doc', '長者印章', 'The senior''s seal'),
	(14, 4, 'doc', '家屬代領：代領人身分證', 'If a family member collects it: their ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(14, 1, '補領期間內至一樓社會課，出示長者身分證。', 'Come to the Social Affairs Section on 1F during the collection period and show the senior''s ID card.'),
	(14, 2, '承辦人核對發放名冊。', 'The officer checks the list of recipients.'),
	(14, 3, '簽收後當場領取禮金。', 'Sign for the gift and receive it on the spot.');

-- 15 nhi-category6: 全民健保第六類投保
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(15, 'nhi-category6', 'social', 'nhi', '全民健保第六類投保', 'National Health Insurance enrollment at the district office (Category 6)', '離職後無雇主投保，也無法依附配偶或直系血親為眷屬者，應在戶籍地區公所以第六類身分投保全民健保，現場即可辦妥。', 'If you have no employer to insure you and cannot be covered as a dependant of your spouse or a parent or child, you must enroll in National Health Insurance at your district office as a Category 6 member. It is done on the spot.', '設籍本區，無職業且無法依附配偶或直系血親擔任眷屬者。', 'People registered in Luzhu with no employment who cannot be insured as a dependant of their spouse, parents or children.', '手續免費；健保費由健保署按月寄發繳款單', 'No charge to enroll; the National Health Insurance Administration bills the premiums monthly', 0, 1, 7, '全民健康保險法第10條第1項第6款', 'National Health Insurance Act, Article 10(1)(vi)', '能依附有工作的家人成為眷屬者，由家人向其投保單位申報即可，不必到公所。中斷投保期間的保費日後仍須補繳，請儘早辦理。', 'If you can be covered as the dependant of a working family member, they register you through their employer and you need not come here. Premiums for any gap in cover must still be paid later, so enroll as soon as you can.', '205', '2026-01-05T01:00:00Z', 215);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(15, 1, 'cond', '設籍本區，且無法以其他身分投保', 'Registered in Luzhu and not insurable in any other category'),
	(15, 2, 'doc', '國民身分證（或戶口名簿）', 'Your national ID card (or the household registration book)'),
	(15, 3, 'doc', '原投保單位之轉出或退保資料（有者檢附）', 'Papers from your former employer showing you left its insurance, if you have them');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(15, 1, '至一樓社會課健保櫃檯填寫投保申報表。', 'Fill in the enrollment form at the health insurance counter of the Social Affairs Section on 1F.'),
	(15, 2, '承辦人現場辦理加保。', 'The officer enrolls you on the spot.'),
	(15, 3, '健保署按月寄發繳款單。', 'The National Health Insurance Administration sends you monthly premium bills.');

-- 16 draftee-travel: 役男出境申請
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(16, 'draftee-travel', 'civil', 'military', '役男出境申請', 'Travel abroad by men liable for military service', '尚未服役的役齡男子出境須先經核准。可使用內政部役男短期出境線上申請，也可到二樓民政課兵役櫃檯辦理，當場核准。', 'Men of military service age who have not yet served need approval before leaving Taiwan. Apply online through the Ministry of the Interior''s short-term travel service, or at the military service counter of the Civil Affairs Section on 2F, where it is approved on the spot.', '設籍本區、尚未履行兵役義務之役齡男子（年滿 18 歲之翌年 1 月 1 日起，至屆滿 36 歲之年 12 月 31 日止）。', 'Men registered in Luzhu who have not yet done their military service, from 1 January of the year after they turn 18 until 31 December of the year they turn 36.', '免費', 'Free', 0, 1, 7, '兵役法施行法第48條；役男出境處理辦法第4條', 'Enforcement Act of the Act of Military Service System, Article 48; Regulations Governing Overseas Travel by Draft-Age Men, Article 4', '短期出境每次以不超過 4 個月為原則，逾期未返國將影響日後出境及徵兵處理。線上申請者請於出國日 3 天前完成。', 'A short trip should as a rule last no more than 4 months; returning late affects later travel and your call-up. If you apply online, do it at least 3 days before you leave.', '301', '2026-01-05T01:00:00Z', 101);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(16, 1, 'cond', '尚未履行兵役義務之役齡男子', 'You are of military service age and have not yet served'),
	(16, 2, 'doc', '本人國民身分證', 'Your national ID card'),
	(16, 3, 'doc', '本人印章（或親自簽名）', 'Your seal (or sign in person)'),
	(16, 4, 'doc', '代辦者：委託書及代理人身分證', 'If someone applies for you: a letter of authorization and the proxy''s ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(16, 1, '至二樓民政課兵役櫃檯填寫出境申請書（或使用線上申請）。', 'Fill in the travel application at the military service counter of the Civil Affairs Section on 2F (or apply online).'),
	(16, 2, '承辦人查核兵役管制情形。', 'The officer checks your military service record for any restriction.'),
	(16, 3, '核准後當場取得核准通知。', 'Once approved, you receive the approval notice on the spot.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(16, 1, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 17 draftee-deferment: 役男在學緩徵
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(17, 'draftee-deferment', 'civil', 'military', '役男在學緩徵', 'Deferment of military service for students', '就讀國內高級中等以上學校、具正式學籍的役男可以在學緩徵，一般由學校統一造冊申請；收到徵集令時仍在學者，可持學校證明到民政課申請。', 'Men enrolled as regular students at a senior high school or higher in Taiwan can defer military service. Schools normally apply for their students; if you receive a call-up while still studying, bring proof from your school to the Civil Affairs Section.', '具國內高級中等以上學校正式學籍，且未逾緩徵年齡限制之役男。', 'Men with regular student status at a senior high school or higher in Taiwan who are within the age limits for deferment.', '免費', 'Free', 5, 0, 7, '兵役法第35條第1項第1款；免役禁役緩徵緩召實施辦法第12條', 'Act of Military Service System, Article 35(1)(i); Regulations on Exemption from, Prohibition of and Deferment of Military Service, Article 12', '畢業、休學或退學後緩徵原因即消滅，學校會通報，請留意後續徵兵處理。在國外就學者應改辦「出境就學」核准，請備妥經駐外館處驗證的在學證明。', 'Deferment ends when you graduate, suspend your studies or leave school; the school reports this, so watch for your call-up. If you study abroad, apply instead for approval to study overseas, with proof of enrollment certified by a Taiwan mission abroad.', '301', '2026-01-05T01:00:00Z', 102);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(17, 1, 'cond', '具國內高級中等以上學校正式學籍', 'You are a regular student at a senior high school or higher in Taiwan'),
	(17, 2, 'doc', '學校出具之在學證明書或學生證', 'Proof of enrollment issued by your school, or your student ID card'),
	(17, 3, 'doc', '徵集令（已收到者）', 'The call-up notice, if you have received one'),
	(17, 4, 'doc', '本人國民身分證及印章', 'Your national ID card and seal');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(17, 1, '至二樓民政課兵役櫃檯送件。', 'Bring the documents to the military service counter of the Civil Affairs Section on 2F.'),
	(17, 2, '本所查核後轉報高雄市政府兵役局核定。', 'We check them and forward the case to the Kaohsiung City Government''s Military Service Bureau.'),
	(17, 3, '核定結果以書面通知。', 'You are told the result in writing.');

-- 18 alternative-service-family: 家庭因素替代役申請
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(18, 'alternative-service-family', 'civil', 'military', '家庭因素替代役申請', 'Alternative service on family grounds', '家中有需役男扶養照顧之親屬等家庭因素者，可於內政部公告期間申請服替代役，由本所初審後轉送。一般替代役請逕行線上申請。', 'Men with family reasons, such as relatives who depend on their support, can apply for alternative service during the period announced by the Ministry of the Interior. We check the application and forward it. General alternative service is applied for online.', '設籍本區之役男，具家庭因素申請服替代役辦法所定情形之一者。', 'Men registered in Luzhu who meet one of the family situations set out in the regulations.', '免費', 'Free', 10, 0, 7, '替代役實施條例；家庭因素申請服替代役辦法', 'Alternative Military Service Act; Regulations on Applying for Alternative Service on Family Grounds', '僅於內政部每年公告之申請期間受理，逾期不受理。名額有限，未獲核定者仍依常備兵役徵集。資料不齊時，承辦人會開立一次告知單，請於 7 日內補正；逾期未補正者，依現有資料審核或退件。', 'Applications are taken only during the period the Ministry of the Interior announces each year. Places are limited, and men who are not approved are called up for regular service. If anything is missing, the officer gives you a one-time notice; please supply the items within 7 days, or the application is decided on what we have or returned.', '301', '2026-01-05T01:00:00Z', 103);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(18, 1, 'cond', '於內政部公告之申請期間內提出', 'You apply within the period announced by the Ministry of the Interior'),
	(18, 2, 'doc', '申請書', 'The application form'),
	(18, 3, 'doc', '全戶戶籍謄本', 'A household registration transcript for the whole household'),
	(18, 4, 'doc', '家庭因素證明：家屬之身心障礙證明、診斷證明書或相關文件', 'Proof of the family situation: a family member''s disability certificate, medical certificate or similar'),
	(18, 5, 'doc', '本人國民身分證及印章', 'Your national ID card and seal');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(18, 1, '於公告期間至二樓民政課兵役櫃檯送件。', 'Hand in the application at the military service counter of the Civil Affairs Section on 2F during the announced period.'),
	(18, 2, '本所初審文件並轉送。', 'We check the documents and forward the application.'),
	(18, 3, '核定結果依內政部作業時程公布並以書面通知。', 'The result is published on the Ministry of the Interior''s schedule and sent to you in writing.');

-- 19 draftee-family-support: 服役役男家屬生活扶助
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(19, 'draftee-family-support', 'civil', 'military', '服役役男家屬生活扶助', 'Living assistance for families of men in military service', '役男入營服役後家庭生活陷入困難者，家屬可申請生活扶助，依家庭人口、所得及財產核定扶助等級，定期撥付至役男退伍為止。', 'If a family struggles once a son or husband starts military service, the family can apply for living assistance. The level depends on household size, income and assets, and it is paid regularly until he completes his service.', '役男入營服役，其家屬設籍本區，家庭生活因役男服役而陷入困難，所得及財產符合當年度公告標準者。', 'Families registered in Luzhu whose finances are hit because a member is serving, and whose income and assets are within this year''s published limits.', '免費', 'Free', 20, 0, 14, '兵役法施行法；服役役男家屬生活扶助實施辦法', 'Enforcement Act of the Act of Military Service System; Regulations on Living Assistance for Families of Servicemen', '本所會派員家訪。家屬遇傷病、死亡或遭受災害時，另可申請一次扶助。資料不齊時開立一次告知單，請於 14 日內補正。', 'We will visit the family at home. A one-off grant is also available if a family member is injured, falls ill, dies or suffers a disaster. If anything is missing you receive a one-time notice; please supply the items within 14 days.', '301', '2026-01-05T01:00:00Z', 104);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(19, 1, 'cond', '役男已入營服役', 'The man has started his military service'),
	(19, 2, 'doc', '申請表', 'The application form'),
	(19, 3, 'doc', '全戶戶口名簿', 'The household registration book'),
	(19, 4, 'doc', '申請人國民身分證及印章', 'The applicant''s national ID card and seal'),
	(19, 5, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(19, 1, '家屬至二樓民政課兵役櫃檯送件。', 'A family member hands in the application at the military service counter of the Civil Affairs Section on 2F.'),
	(19, 2, '本所派員家訪並調查家庭所得、財產。', 'We visit the family and check household income and assets.'),
	(19, 3, '核定扶助等級並以書面通知。', 'The level of assistance is decided and you are told in writing.'),
	(19, 4, '定期撥款至役男退伍為止。', 'Payments are made regularly until he completes his service.');

-- 20 burial-permit: 公墓使用（埋葬）許可
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(20, 'burial-permit', 'civil', 'funeral', '公墓使用（埋葬）許可', 'Public cemetery burial permit', '家屬在本區公墓安葬前，須申請公墓使用許可，一般當天或次一個工作天核發。', 'Before a burial in a Luzhu public cemetery, the family must get a cemetery use permit. It is usually issued the same day or the next working day.', '亡者之家屬或其委託之殯葬業者。', 'The family of the deceased, or a funeral company acting for them.', '依高雄市殯葬設施收費標準繳納公墓使用費', 'A cemetery fee under the Kaohsiung City funeral facility fee schedule', 1, 0, 7, '殯葬管理條例；高雄市政府殯葬設施收費標準', 'Mortuary Services Administration Act; Kaohsiung City funeral facility fee schedule', '本區公墓可用墓基有限，建議先來電確認。墓基面積、墓碑高度須依規定施作，不得超限。也可考慮火化進塔或樹葬等環保自然葬。', 'Plots in Luzhu''s public cemeteries are limited, so please call first. Plot size and headstone height must follow the rules. You may also consider cremation and a columbarium niche, or a green burial such as tree burial.', '302', '2026-01-05T01:00:00Z', 105);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(20, 1, 'doc', '死亡證明書正本（或除戶戶籍謄本）', 'The original death certificate (or a household registration transcript showing the removal)'),
	(20, 2, 'doc', '申請人國民身分證及印章', 'The applicant''s national ID card and seal'),
	(20, 3, 'doc', '申請人與亡者之關係證明（戶口名簿或戶籍謄本）', 'Proof of your relationship to the deceased (household registration book or transcript)'),
	(20, 4, 'doc', '委託殯葬業者代辦：委託書', 'If a funeral company applies for you: a letter of authorization');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(20, 1, '至二樓民政課填寫公墓使用申請書。', 'Fill in the cemetery application at the Civil Affairs Section on 2F.'),
	(20, 2, '承辦人審核文件並指定墓基位置。', 'The officer checks the documents and assigns a plot.'),
	(20, 3, '繳納使用費。', 'Pay the cemetery fee.'),
	(20, 4, '核發使用許可證。', 'The permit is issued.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(20, 1, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 21 columbarium-permit: 納骨塔（骨灰骸存放）使用許可
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(21, 'columbarium-permit', 'civil', 'funeral', '納骨塔（骨灰骸存放）使用許可', 'Columbarium niche permit (storage of ashes or remains)', '設籍本區或在本區死亡者之骨灰（骸），可申請存放於本區納骨塔；繳費後現場核發許可並登記塔位，約 30 分鐘。', 'The ashes or remains of people who were registered in Luzhu or died here can be placed in the district columbarium. After paying the fee, the permit is issued and a niche recorded on the spot, in about 30 minutes.', '亡者生前設籍本區或於本區死亡者之家屬。', 'The family of someone who was registered in Luzhu or died in Luzhu.', '依高雄市殯葬設施收費標準繳納使用費', 'A niche fee under the Kaohsiung City funeral facility fee schedule', 0, 1, 7, '殯葬管理條例；高雄市政府殯葬設施收費標準', 'Mortuary Services Administration Act; Kaohsiung City funeral facility fee schedule', '進塔時間須配合納骨塔開放時間，請事先與管理人員預約。', 'Placement must fit the columbarium''s opening hours; book a time with the staff in advance.', '302', '2026-01-05T01:00:00Z', 106);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(21, 1, 'cond', '亡者生前設籍本區或於本區死亡', 'The deceased was registered in Luzhu or died in Luzhu'),
	(21, 2, 'doc', '死亡證明書或除戶戶籍謄本', 'The death certificate or a household registration transcript showing the removal'),
	(21, 3, 'doc', '火化證明或骨骸起掘許可證明', 'The cremation certificate or the exhumation permit'),
	(21, 4, 'doc', '申請人國民身分證及印章', 'The applicant''s national ID card and seal');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(21, 1, '至二樓民政課填寫使用申請書。', 'Fill in the application at the Civil Affairs Section on 2F.'),
	(21, 2, '繳納使用費。', 'Pay the fee.'),
	(21, 3, '現場核發許可並登記塔位。', 'The permit is issued and the niche recorded on the spot.'),
	(21, 4, '與納骨塔管理人員預約進塔時間。', 'Book a time with the columbarium staff to place the urn.');

-- 22 grave-exhumation: 墳墓起掘（遷葬）許可
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(22, 'grave-exhumation', 'civil', 'funeral', '墳墓起掘（遷葬）許可', 'Grave exhumation and reburial permit', '撿骨遷葬或將先人改放納骨塔前，須先申請起掘許可，約 3 至 5 個工作天核發。', 'Before exhuming a grave to rebury the remains or move them to a columbarium, you need an exhumation permit. It takes about 3 to 5 working days.', '墓主之子孫或其他有權處理之親屬。', 'Descendants of the deceased or other relatives entitled to act.', '起掘許可免費；改進納骨塔者另依收費標準繳納使用費', 'The permit is free; a niche in the columbarium is charged under the fee schedule', 5, 0, 7, '殯葬管理條例', 'Mortuary Services Administration Act', '請於許可期限內完成起掘。年代久遠查無戶籍資料者，可出具切結書。屬政府公告之公墓遷葬範圍者，請依公告期限辦理並留意補償規定。', 'Complete the exhumation within the permit''s validity. If old records cannot be found, you may sign a declaration instead. If the grave is in an area the government has ordered to be cleared, follow the announced deadline and check the compensation rules.', '302', '2026-01-05T01:00:00Z', 107);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(22, 1, 'doc', '起掘申請書', 'The exhumation application form'),
	(22, 2, 'doc', '申請人國民身分證及印章', 'The applicant''s national ID card and seal'),
	(22, 3, 'doc', '與墓主關係之戶籍資料（查無資料者得以切結書代替）', 'Household records showing your relationship to the deceased (or a signed declaration if none can be found)'),
	(22, 4, 'doc', '墓址位置資料或照片', 'The location of the grave, or photos of it');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(22, 1, '至二樓民政課填寫起掘申請書。', 'Fill in the application at the Civil Affairs Section on 2F.'),
	(22, 2, '承辦人審核文件，必要時現場確認墓址。', 'The officer checks the documents and may check the grave on site.'),
	(22, 3, '核發起掘許可。', 'The exhumation permit is issued.'),
	(22, 4, '於許可期限內完成起掘，骨骸可另申請進塔。', 'Exhume within the permit''s validity; you can then apply for a columbarium niche.');

-- 23 mediation-apply: 調解聲請
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(23, 'mediation-apply', 'mediation', 'mediation', '調解聲請', 'Applying for mediation', '鄰里糾紛、車禍損害賠償、債務、租賃等民事事件，以及告訴乃論的刑事事件，可向調解委員會聲請調解，完全免費。調解成立並經法院核定後，民事調解與確定判決有同一效力。', 'Civil disputes such as quarrels between neighbors, traffic accident damages, debts or tenancies, and criminal matters prosecuted only on complaint, can be brought to the Mediation Committee free of charge. Once a settlement is reached and approved by the court, a civil settlement has the same force as a final judgment.', '民事事件或告訴乃論之刑事事件之當事人。已經法院判決確定之事件，不得聲請調解；已在法院審理中之民事事件，調解成立並經法院核定後，訴訟即告終結。', 'Parties to a civil dispute or to a criminal matter prosecuted only on complaint. A matter already decided by a final court judgment cannot be mediated; if a civil case is still before a court, a settlement approved by the court ends the lawsuit.', '免費', 'Free', 15, 0, 7, '鄉鎮市調解條例第1條、第23條、第27條', 'Township and County-administered City Mediation Act, Articles 1, 23 and 27', '調解於每週三上午 9 時至 12 時在三樓調解室進行。受理後本所以通知書通知雙方到場；當事人無正當理由不到場者，視為調解不成立，但調解委員會認為有成立希望時，得另定調解期日。委託他人出席請附委任書。調解成立後，本所將調解書送管轄法院核定，核定後寄送雙方。', 'Sessions are held every Wednesday from 9:00 to 12:00 in the mediation room on 3F. Once your application is accepted we send both parties a notice to attend. If a party stays away without good reason, the mediation is treated as failed, though the committee may set another date if it sees a chance of agreement. If someone attends for you, they need a letter of authorization. When a settlement is reached, we send it to the court for approval and then post it to both parties.', '801', '2026-01-05T01:00:00Z', 801);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(23, 1, 'doc', '調解聲請書', 'The mediation application form'),
	(23, 2, 'doc', '聲請人國民身分證及印章', 'Your national ID card and seal'),
	(23, 3, 'doc', '對造人姓名及聯絡地址', 'The other party''s name and contact address'),
	(23, 4, 'doc', '相關證據資料（如道路交通事故初步分析研判表、診斷證明、估價單、契約）', 'Evidence, such as the police traffic accident report, medical certificates, repair estimates or contracts'),
	(23, 5, 'doc', '委託他人出席：委任書及受任人身分證', 'If someone attends for you: a letter of authorization and their ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(23, 1, '上班時間至三樓調解委員會填寫聲請書。', 'Fill in the application at the Mediation Committee on 3F during office hours.'),
	(23, 2, '受理後排定調解期日（每週三上午），以通知書通知雙方。', 'A session is scheduled (on a Wednesday morning) and both parties are notified in writing.'),
	(23, 3, '調解委員居中協調；成立者當場作成調解書。', 'Mediators help both sides reach an agreement; if they do, the settlement is written up on the spot.'),
	(23, 4, '調解書送法院核定後寄送雙方。', 'The settlement is sent to the court for approval and then posted to both parties.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(23, 1, '調解聲請書', 'Mediation application form', 'forms/mediation-application.html');

-- 24 legal-consultation: 義務律師法律諮詢
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(24, 'legal-consultation', 'mediation', 'mediation', '義務律師法律諮詢', 'Free legal advice from volunteer lawyers', '每週三上午 9 時至 12 時在三樓調解委員會提供義務律師法律諮詢，免費，每人約 20 分鐘，請事先預約。', 'Volunteer lawyers give free legal advice every Wednesday from 9:00 to 12:00 at the Mediation Committee on 3F, about 20 minutes per person. Please book in advance.', '本區民眾，有租賃、繼承、債務、車禍賠償、勞資爭議等民事或一般法律問題者。', 'Luzhu residents with civil or general legal questions, such as tenancy, inheritance, debts, traffic accident claims or employment disputes.', '免費', 'Free', 5, 0, 7, '本所為民服務措施（非法定業務）', 'A service the office offers on its own initiative (not required by law)', '律師僅提供法律意見，不代撰書狀，也不代為出庭。名額有限，未預約者視當日名額安排。', 'The lawyers give advice only; they do not draft court documents or represent you in court. Places are limited; without a booking you are seen only if there is space that day.', '801', '2026-01-05T01:00:00Z', 802);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(24, 1, 'cond', '事先來電或臨櫃預約登記', 'Book in advance by phone or at the counter'),
	(24, 2, 'doc', '國民身分證', 'Your national ID card'),
	(24, 3, 'doc', '相關文件（如契約、存證信函、判決書）', 'Relevant papers, such as contracts, formal letters or court judgments');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(24, 1, '來電或至三樓調解委員會預約諮詢時段。', 'Book a time by phone or at the Mediation Committee on 3F.'),
	(24, 2, '於預約的週三上午攜帶文件報到。', 'Come on the booked Wednesday morning with your papers.'),
	(24, 3, '與律師諮詢約 20 分鐘。', 'Talk to the lawyer for about 20 minutes.');

-- 25 zoning-certificate: 都市計畫土地使用分區證明書
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(25, 'zoning-certificate', 'econ', 'urban-planning', '都市計畫土地使用分區證明書', 'Urban planning land-use zoning certificate', '都市計畫範圍內的土地，可申請土地使用分區證明書，確認其為住宅區、商業區、工業區、農業區或公共設施用地等。任何人皆可申請，不限土地所有權人。', 'For land inside an urban plan, you can get a certificate stating its zoning: residential, commercial, industrial, agricultural, public facilities and so on. Anyone may apply; you need not own the land.', '任何人皆可申請；限本區都市計畫範圍內之土地。', 'Anyone; the land must be within an urban plan in Luzhu.', '每一地號新臺幣 50 元，臨櫃送件時繳納', 'NT$50 per land parcel, paid when you apply at the counter', 3, 0, 7, '都市計畫法；高雄市政府都市計畫土地使用分區證明核發相關規定', 'Urban Planning Act; Kaohsiung City Government rules on issuing zoning certificates', '地號跨越多個分區、涉及道路截角或須調閱計畫書圖套繪查核者，可能延長至 5 至 7 個工作天，承辦人會另行通知。領件時請攜帶收據；代領者請附委託書。土地位於都市計畫範圍外者，請改向地政事務所查詢。也可透過高雄市政府網路申辦系統申請。', 'If a parcel spans several zones, involves a corner cut-back for a road, or needs the plan maps checked, it may take 5 to 7 working days and the officer will let you know. Bring your receipt to collect the certificate; someone collecting for you needs a letter of authorization. For land outside an urban plan, ask the land office instead. You can also apply online through the Kaohsiung City Government''s e-services.', '401', '2026-01-05T01:00:00Z', 301);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(25, 1, 'doc', '申請書（註明地段、地號）', 'The application form, giving the land section and parcel numbers'),
	(25, 2, 'doc', '申請人國民身分證', 'The applicant''s national ID card'),
	(25, 3, 'doc', '地籍圖謄本（建議檢附，利於套繪查核）', 'A cadastral map extract (recommended; it speeds up the check)'),
	(25, 4, 'doc', '代辦者：委託書及代理人身分證', 'If someone applies for you: a letter of authorization and the proxy''s ID card');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(25, 1, '至二樓經建課填寫申請書並繳納規費。', 'Fill in the form at the Economic Development and Construction Section on 2F and pay the fee.'),
	(25, 2, '承辦人以土地使用分區管理資訊系統查核分區。', 'The officer checks the zoning in the land-use zoning information system.'),
	(25, 3, '核發證明書，約 3 個工作天。', 'The certificate is issued in about 3 working days.'),
	(25, 4, '憑收據及身分證領件，或申請郵寄。', 'Collect it with your receipt and ID card, or ask for it to be posted.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(25, 1, '都市計畫土地使用分區證明申請書', 'Application for a zoning certificate', 'forms/zoning-certificate-application.html'),
	(25, 2, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 26 streetlight-repair: 路燈故障報修
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(26, 'streetlight-repair', 'econ', 'streetlights', '路燈故障報修', 'Reporting a faulty streetlight', '路燈不亮、閃爍或白天不熄，可向經建課報修，或撥打 1999、利用本所網站通報，一般約 3 個工作天內修復。', 'Report streetlights that are out, flickering or on during the day to the Economic Development and Construction Section, by calling 1999 or on our website. Most are fixed within 3 working days.', '任何人皆可報修。', 'Anyone can report a fault.', '免費', 'Free', 3, 0, 3, '市區道路條例（道路附屬設施之養護）', 'Urban Road Act (upkeep of road facilities)', '屬電力線路或台電供電問題者，須會同台電處理，時間可能較長。夜間照明不足、有安全疑慮的路段，也歡迎提出增設建議。', 'Faults in the power supply must be fixed with Taipower and may take longer. Suggestions for new lights on dark or unsafe stretches are also welcome.', '402', '2026-01-05T01:00:00Z', 302);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(26, 1, 'cond', '提供燈桿編號（燈桿上的號碼牌），或詳細地址、鄰近明顯地標', 'Give the pole number (on the plate on the pole), or the exact address or a nearby landmark'),
	(26, 2, 'cond', '說明故障情形（不亮、閃爍、白天不熄）', 'Describe the fault (out, flickering, on during the day)'),
	(26, 3, 'doc', '報修人聯絡電話，以便回報處理結果', 'Your phone number, so we can tell you when it is fixed');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(26, 1, '臨櫃、來電、撥打 1999 或於本所網站報修。', 'Report the fault at the counter, by phone, via 1999 or on our website.'),
	(26, 2, '本所通知維修廠商前往查修。', 'We send the maintenance contractor.'),
	(26, 3, '修復後回報結案，必要時會同台電處理。', 'The case is closed once repaired; power supply faults are handled with Taipower.');

-- 27 road-pothole: 道路坑洞修補
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(27, 'road-pothole', 'econ', 'roads', '道路坑洞修補', 'Road pothole repair', '區內巷道、產業道路的坑洞或路面破損，可通報經建課，本所派員勘查後，一般於 3 至 5 個工作天內修補。', 'Report potholes and damaged surfaces on Luzhu''s lanes and farm roads to the Economic Development and Construction Section. We inspect and usually repair them within 3 to 5 working days.', '任何人皆可通報。', 'Anyone can report road damage.', '免費', 'Free', 5, 0, 3, '市區道路條例', 'Urban Road Act', '情況危急時本所會先設置警示或臨時填補。屬市區主要道路或省道者，本所轉請高雄市政府工務局或公路主管機關處理，並告知轉辦情形。', 'If the damage is dangerous we first put up warnings or make a temporary patch. For main city roads or provincial highways, we pass the report to the city''s Public Works Bureau or the highway authority and tell you so.', '402', '2026-01-05T01:00:00Z', 303);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(27, 1, 'cond', '提供位置：地址、路口或電桿編號', 'Give the location: an address, junction or utility pole number'),
	(27, 2, 'doc', '現場照片（建議附上）', 'Photos of the damage (recommended)'),
	(27, 3, 'doc', '通報人聯絡電話', 'Your phone number');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(27, 1, '臨櫃、來電、撥打 1999 或於本所網站通報。', 'Report it at the counter, by phone, via 1999 or on our website.'),
	(27, 2, '本所派員現場勘查，危急者先設警示。', 'We inspect the site and put up warnings if it is dangerous.'),
	(27, 3, '屬本所養護範圍者安排修補；非本所權責者轉辦並告知。', 'We repair roads we maintain; others are passed to the responsible agency and you are told.'),
	(27, 4, '完成後回報結案。', 'We close the case and let you know.');

-- 28 ditch-clearing: 道路側溝清淤
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(28, 'ditch-clearing', 'econ', 'drainage', '道路側溝清淤', 'Clearing roadside ditches', '住家前道路側溝淤積或溝蓋破損，可申請清淤或修繕，一般約 7 至 10 個工作天內處理；颱風或豪雨前優先清理易淹水路段。', 'If the roadside ditch in front of your home is silted up or its cover is broken, you can ask for it to be cleared or repaired, usually within 7 to 10 working days. Flood-prone stretches are cleared first before typhoons and heavy rain.', '任何人皆可申請。', 'Anyone can ask.', '免費', 'Free', 10, 0, 3, '市區道路條例', 'Urban Road Act', '請勿將垃圾、落葉或施工廢料倒入水溝，也請避免在溝蓋上加蓋固定物，以免影響清淤作業。', 'Please do not put rubbish, leaves or building waste into ditches, and do not fix anything on top of the ditch covers, as it gets in the way of clearing.', '402', '2026-01-05T01:00:00Z', 304);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(28, 1, 'cond', '說明地址及需清理的長度範圍', 'Give the address and the length of ditch to be cleared'),
	(28, 2, 'doc', '現場照片（建議附上）', 'Photos (recommended)'),
	(28, 3, 'doc', '申請人聯絡電話', 'Your phone number');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(28, 1, '臨櫃、來電、撥打 1999 或於本所網站申請。', 'Ask at the counter, by phone, via 1999 or on our website.'),
	(28, 2, '本所派員勘查並排定清溝人員派工。', 'We inspect and schedule the ditch-clearing crew.'),
	(28, 3, '完成清淤或修繕後回報結案。', 'We close the case once the ditch is cleared or repaired.');

-- 29 agri-disaster-relief: 農業天然災害現金救助申報
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(29, 'agri-disaster-relief', 'agri', 'agri-disaster', '農業天然災害現金救助申報', 'Claiming cash relief for agricultural disaster losses', '農業部公告本區為農業天然災害現金救助地區時，受災農民可在公告受理期間申報；受理期間例假日照常收件，本所快速完成勘災。', 'When the Ministry of Agriculture declares Luzhu a relief area after a natural disaster, affected farmers can file a claim during the announced period. We take claims on weekends and holidays during that period and survey the damage quickly.', '實際從事農業生產之農民，所種作物屬公告救助項目，且受損程度達救助標準者。', 'Farmers actually working the land whose crops are covered by the announcement and whose losses reach the relief threshold.', '免費', 'Free', 40, 0, 7, '農業發展條例第60條；農業天然災害救助辦法', 'Agricultural Development Act, Article 60; Regulations on Relief for Agricultural Natural Disasters', '須於公告受理期間內申報，逾期不受理。資料不齊時開立一次告知單，逾期未補正可能無法列入救助。本所勘查及造冊後陳報市府農業局及農業部核定，由主管機關直接撥款至申請人帳戶，全程約 1 至 2 個月。', 'Claims must be filed within the announced period; late claims are not accepted. If anything is missing you receive a one-time notice, and claims not completed in time may be left out. After our survey we list the claims for the city''s Agriculture Bureau and the Ministry of Agriculture; the money is paid straight into your account, about 1 to 2 months in all.', '501', '2026-01-05T01:00:00Z', 401);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(29, 1, 'cond', '本區經公告為救助地區，且作物屬公告救助項目', 'Luzhu has been declared a relief area and your crop is covered'),
	(29, 2, 'doc', '申請書（現場提供）', 'The claim form (available at the counter)'),
	(29, 3, 'doc', '申請人國民身分證及印章', 'The applicant''s national ID card and seal'),
	(29, 4, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook'),
	(29, 5, 'doc', '土地登記謄本或租約等耕作證明', 'A land registration transcript, lease or other proof that you farm the land'),
	(29, 6, 'doc', '受災現場照片', 'Photos of the damage');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(29, 1, '公告受理期間內至二樓農業課申報（例假日照常受理）。', 'File your claim at the Agriculture Section on 2F during the announced period (open on weekends and holidays).'),
	(29, 2, '本所現場勘查或抽查受損程度。', 'We survey or spot-check the damage on site.'),
	(29, 3, '造冊陳報高雄市政府農業局及農業部審核。', 'Claims are listed and sent to the city''s Agriculture Bureau and the Ministry of Agriculture for review.'),
	(29, 4, '核定後由主管機關撥款至申請人帳戶。', 'Once approved, the money is paid into your account.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(29, 1, '農業天然災害現金救助申請書', 'Claim form for agricultural disaster cash relief', 'forms/agri-disaster-relief-application.html');

-- 30 farmland-use-certificate: 農業用地作農業使用證明書
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(30, 'farmland-use-certificate', 'agri', 'agriculture', '農業用地作農業使用證明書', 'Certificate of agricultural use of farmland', '農業用地因買賣、贈與或繼承移轉，申請不課徵土地增值稅或免徵遺產稅、贈與稅時，須檢附本證明。本所會同相關單位現場會勘後核發。', 'When farmland is sold, given or inherited and you want to be exempt from land value increment tax, estate tax or gift tax, you need this certificate. We inspect the land with the relevant agencies before issuing it.', '農業用地之所有權人、承受人或其代理人。', 'The owner or new owner of the farmland, or someone acting for them.', '審查費每一地號新臺幣 500 元', 'A review fee of NT$500 per land parcel', 14, 0, 14, '農業發展條例第31條、第37條至第39條；農業用地作農業使用認定及核發證明辦法', 'Agricultural Development Act, Articles 31 and 37 to 39; Regulations on Recognizing Agricultural Use of Farmland and Issuing Certificates', '會勘當天請土地所有權人或代理人到場說明。土地有違規建物或未作農業使用者，不予核發。位於都市計畫範圍內者，須另附都市計畫土地使用分區證明書。', 'The owner or their representative should be present on the day of the inspection. No certificate is issued if the land has unauthorized buildings or is not used for farming. For land inside an urban plan, also attach a zoning certificate.', '502', '2026-01-05T01:00:00Z', 402);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(30, 1, 'doc', '申請書', 'The application form'),
	(30, 2, 'doc', '土地登記謄本', 'A land registration transcript'),
	(30, 3, 'doc', '地籍圖謄本', 'A cadastral map extract'),
	(30, 4, 'doc', '申請人國民身分證影本', 'A copy of the applicant''s national ID card'),
	(30, 5, 'doc', '都市計畫範圍內者：土地使用分區證明書', 'For land inside an urban plan: a zoning certificate'),
	(30, 6, 'doc', '代辦者：委託書', 'If someone applies for you: a letter of authorization');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(30, 1, '至二樓農業課送件並繳納審查費。', 'Hand in the application at the Agriculture Section on 2F and pay the review fee.'),
	(30, 2, '本所排定會勘日期並通知申請人。', 'We set an inspection date and let you know.'),
	(30, 3, '會同相關單位現場會勘。', 'We inspect the land with the relevant agencies.'),
	(30, 4, '符合者核發證明書。', 'If the land qualifies, the certificate is issued.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(30, 1, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 31 farmland-activation: 調整耕作制度活化農地（休耕、轉作）申報
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(31, 'farmland-activation', 'agri', 'agriculture', '調整耕作制度活化農地（休耕、轉作）申報', 'Farmland activation declaration (fallow or switching crops)', '農業部對地綠色環境給付計畫，每年分第 1 期作與第 2 期作受理申報，符合資格的農地可申報種植轉（契）作作物、綠肥或辦理生產環境維護。本所會排定日期到各里受理。', 'Under the Ministry of Agriculture''s green environment payment program for farmland, declarations are taken each year for the first and second crop seasons. Eligible land can be declared for contract or rotation crops, green manure or environmental upkeep. We also hold sessions in each village on set dates.', '符合當年度計畫規定之農地所有權人或實際耕作者。', 'Owners or actual farmers of land that meets this year''s program rules.', '免費', 'Free', 30, 0, 7, '農業部對地綠色環境給付計畫', 'Ministry of Agriculture green environment payment program for farmland', '申報期間依當年度公告。截止前本所會比對前期申報資料，主動電話提醒尚未申報的農友。申報後本所辦理現場查證，給付標準依計畫規定。', 'Declaration periods follow this year''s announcement. Before the deadline we compare with last season''s declarations and phone farmers who have not yet declared. After you declare we check on site; payment rates follow the program rules.', '502', '2026-01-05T01:00:00Z', 403);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(31, 1, 'cond', '於當期公告之申報期間內辦理', 'You declare within the announced period for the season'),
	(31, 2, 'doc', '申報書', 'The declaration form'),
	(31, 3, 'doc', '申請人國民身分證及印章', 'The applicant''s national ID card and seal'),
	(31, 4, 'doc', '申請人本人金融機構或郵局存摺封面影本', 'A copy of the cover page of the applicant''s own bank or post office passbook'),
	(31, 5, 'doc', '土地登記謄本，或租約、委託耕作等證明', 'A land registration transcript, or a lease or other proof that you farm the land');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(31, 1, '於申報期間至二樓農業課或各里受理地點填寫申報書。', 'Fill in the declaration at the Agriculture Section on 2F or at a village session during the declaration period.'),
	(31, 2, '本所辦理現場查證。', 'We check the land on site.'),
	(31, 3, '查證合格者造冊，依計畫撥付給付。', 'Land that passes is listed and payment follows under the program.');

-- 32 tomato-festival-stall: 路竹番茄節農特產品攤位報名
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(32, 'tomato-festival-stall', 'agri', 'local-events', '路竹番茄節農特產品攤位報名', 'Luzhu Tomato Festival produce stall registration', '本區農民或農民團體可於報名期間申請路竹番茄節農特產品攤位，攤位數量有限，超額時公開抽籤。', 'Farmers and farmers'' groups in Luzhu can apply for a produce stall at the Luzhu Tomato Festival during the registration period. Stalls are limited; if there are too many applicants, a public draw decides.', '本區農民或農民團體。', 'Farmers and farmers'' groups in Luzhu.', '免費（依當年度活動簡章）', 'Free (under this year''s event rules)', 10, 0, 3, '本所當年度番茄節活動簡章', 'This year''s Tomato Festival rules issued by the office', '可現場、傳真、電子郵件或網站報名。抽籤結果公告於本所網站及臉書粉絲專頁。', 'You can register in person, by fax, by e-mail or on our website. Draw results are posted on our website and Facebook page.', '503', '2026-01-05T01:00:00Z', 404);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(32, 1, 'doc', '報名表', 'The registration form'),
	(32, 2, 'doc', '申請人國民身分證影本', 'A copy of the applicant''s national ID card'),
	(32, 3, 'doc', '農民身分證明或產銷履歷等資料', 'Proof of farmer status, or traceability certification, or similar');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(32, 1, '於報名期間下載或索取報名表，填妥後送件。', 'Download or pick up the form during the registration period and hand it in.'),
	(32, 2, '本所審核資格，超額時公開抽籤。', 'We check eligibility and hold a public draw if there are too many applicants.'),
	(32, 3, '公告結果並通知攤位位置。', 'Results are posted and you are told your stall location.');

-- 33 employment-certificate: 在職證明
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(33, 'employment-certificate', 'personnel', 'personnel', '在職證明', 'Certificate of employment', '本所現職人員需要在職證明者，可到三樓人事室申請，現場核發，中、英文版皆可開立。', 'Current staff of the office who need a certificate of employment can ask at the Personnel Office on 3F. It is issued on the spot, in Chinese or English.', '本所現職人員（含約聘僱及臨時人員）。', 'Current staff of the office, including contract and temporary staff.', '免費', 'Free', 0, 1, 7, '個人資料保護法（證明內容以申請目的必要範圍為限）', 'Personal Data Protection Act (the certificate shows only what its purpose needs)', '需註明到職日期、職稱或薪資者，請於申請單勾選；薪資內容依個人資料保護規定辦理。英文版請提供與護照相同之英文姓名。', 'Tick on the request form if it should show your start date, job title or salary; salary details are handled under the personal data rules. For an English certificate, give your name exactly as in your passport.', '701', '2026-01-05T01:00:00Z', 601);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(33, 1, 'cond', '本所現職人員', 'You currently work for the office'),
	(33, 2, 'doc', '申請單', 'The request form'),
	(33, 3, 'doc', '員工識別證或國民身分證', 'Your staff card or national ID card'),
	(33, 4, 'doc', '英文版：與護照相同之英文姓名', 'For an English certificate: your name as in your passport');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(33, 1, '至三樓人事室填寫申請單。', 'Fill in the request form at the Personnel Office on 3F.'),
	(33, 2, '承辦人核對人事資料。', 'The officer checks your personnel record.'),
	(33, 3, '現場列印、用印，立即取件。', 'The certificate is printed and stamped while you wait.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(33, 1, '在職、離職、服務證明申請單', 'Request for a certificate of employment or service', 'forms/employment-certificate-request.html');

-- 34 service-certificate: 離職證明、服務證明
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(34, 'service-certificate', 'personnel', 'personnel', '離職證明、服務證明', 'Certificate of past service', '曾任職本所的正式、約聘（僱）或臨時人員，可申請離職證明或服務證明，載明任職期間與職稱；資料可立即查核者現場核發。', 'Former permanent, contract or temporary staff of the office can ask for a certificate showing their period of service and job title. If the records can be checked at once, it is issued on the spot.', '曾任職本所之人員。', 'Anyone who has worked for the office.', '免費', 'Free', 0, 1, 7, '個人資料保護法（證明內容以申請目的必要範圍為限）', 'Personal Data Protection Act (the certificate shows only what its purpose needs)', '年代久遠、須調閱檔案者約需 3 個工作天。委託家人代辦時，請附委託書及雙方身分證；不便到場者，可郵寄申請書、身分證影本及貼足郵資的回郵信封申請。', 'If old files have to be retrieved, it takes about 3 working days. A family member can apply for you with a letter of authorization and both ID cards. You can also apply by post with the form, a copy of your ID card and a stamped self-addressed envelope.', '701', '2026-01-05T01:00:00Z', 602);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(34, 1, 'cond', '曾任職本所', 'You used to work for the office'),
	(34, 2, 'doc', '申請單', 'The request form'),
	(34, 3, 'doc', '本人國民身分證', 'Your national ID card'),
	(34, 4, 'doc', '代辦者：委託書及雙方身分證', 'If someone applies for you: a letter of authorization and both ID cards'),
	(34, 5, 'doc', '郵寄申請者：身分證影本及貼足郵資之回郵信封', 'If applying by post: a copy of your ID card and a stamped self-addressed envelope');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(34, 1, '至三樓人事室填寫申請單，或郵寄申請。', 'Fill in the request form at the Personnel Office on 3F, or apply by post.'),
	(34, 2, '承辦人查核任職紀錄，必要時調閱檔案。', 'The officer checks your service record, retrieving old files if needed.'),
	(34, 3, '現場核發或郵寄證明。', 'The certificate is issued on the spot or posted to you.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(34, 1, '在職、離職、服務證明申請單', 'Request for a certificate of employment or service', 'forms/employment-certificate-request.html'),
	(34, 2, '委託書', 'Letter of authorization', 'forms/proxy-authorization.html');

-- 35 venue-booking: 禮堂及會議室借用
INSERT INTO services (id, code, unit, category, name_zh, name_en, summary_zh, summary_en, eligibility_zh, eligibility_en, fee_zh, fee_en, processing_days, immediate, correction_days, legal_basis_zh, legal_basis_en, notes_zh, notes_en, contact_ext, updated_at, sort) VALUES
	(35, 'venue-booking', 'secretariat', 'venue', '禮堂及會議室借用', 'Booking the auditorium or a meeting room', '本所三樓禮堂及會議室開放機關、學校及社區團體借用，辦理公益、藝文或社區活動；請於活動日至少 7 個工作天前申請。', 'Agencies, schools and community groups can book the auditorium or meeting rooms on 3F for public-interest, cultural or community events. Apply at least 7 working days before the event.', '機關、學校及社區團體辦理公益、藝文或社區活動。', 'Agencies, schools and community groups holding public-interest, cultural or community events.', '禮堂每時段（上午、下午或晚間）新臺幣 1,500 元，會議室每時段新臺幣 500 元；公益活動得申請減免', 'Auditorium NT$1,500 and meeting rooms NT$500 per session (morning, afternoon or evening); public-interest events may apply for a reduction', 5, 0, 3, '規費法；本所場地借用管理規定', 'Charges and Fees Act; the office''s venue booking rules', '本所公務活動優先使用，遇臨時需要調整時會另行通知。場內禁止烹煮及用火，活動結束後請恢復原狀。可先來電查詢檔期。', 'The office''s own events take priority; if we have to change your booking we will tell you. No cooking or open flames inside, and please leave the room as you found it. Call first to check availability.', '603', '2026-01-05T01:00:00Z', 501);
INSERT INTO service_items (service_id, seq, kind, text_zh, text_en) VALUES
	(35, 1, 'cond', '於活動日至少 7 個工作天前申請', 'You apply at least 7 working days before the event'),
	(35, 2, 'doc', '場地借用申請書', 'The venue booking form'),
	(35, 3, 'doc', '活動計畫（內容、時間、預估人數）', 'An event plan (content, times, expected attendance)'),
	(35, 4, 'doc', '申請單位聯絡人身分證明', 'Identification for the organization''s contact person');
INSERT INTO service_steps (service_id, seq, text_zh, text_en) VALUES
	(35, 1, '來電查詢檔期。', 'Call to check availability.'),
	(35, 2, '填寫申請書連同活動計畫送三樓秘書室。', 'Send the form and event plan to the Secretariat on 3F.'),
	(35, 3, '審核後通知結果並繳納使用費（或核定減免）。', 'We review the request, tell you the result, and you pay the fee (or a reduction is approved).'),
	(35, 4, '活動當日依規定使用並恢復原狀。', 'On the day, use the room under the rules and leave it as you found it.');
INSERT INTO service_forms (service_id, seq, title_zh, title_en, file) VALUES
	(35, 1, '場地借用申請書', 'Venue booking form', 'forms/venue-booking-application.html');

-- News (最新消息): invented demo items -----------------------------------
INSERT INTO news (id, unit, title_zh, body_zh, title_en, body_en, published_at) VALUES
	(1, 'agri', '2026 路竹番茄節 3 月 7 日登場，農特產品攤位即日起受理報名', '番茄產季到了！**2026 路竹番茄節**訂於 **3 月 7 日（星期六）上午 9 時至下午 4 時**在本所行政中心廣場舉行，現場有番茄農特產品展售、親子採果體驗及在地團體表演。

本區農民或農民團體想設置農特產品攤位者，請於 **1 月 21 日至 2 月 6 日**上班時間，到二樓農業課或於本所網站下載報名表，以現場、傳真或電子郵件報名。攤位數量有限，報名超額時將公開抽籤，結果公告於本所網站及臉書粉絲專頁。

採果體驗採線上報名，名額與方式請見活動公告。洽詢：農業課，電話 (07)696-2019 分機 503。', '2026 Luzhu Tomato Festival on 7 March: farm stall registration now open', 'Tomato season is here! The **2026 Luzhu Tomato Festival** takes place on **Saturday 7 March, 9:00 to 16:00**, on the plaza of the district administration center, with tomatoes and local produce for sale, fruit picking for families and performances by local groups.

Farmers and farmers'' groups in Luzhu who would like a produce stall can register **from 21 January to 6 February** during office hours: come to the Agriculture Section on 2F or download the form from our website, and send it in person, by fax or by e-mail. Stalls are limited; if there are more applicants than stalls, a public draw decides, and the results are posted on our website and Facebook page.

Fruit picking is booked online; see the event notice for places and details. Enquiries: Agriculture Section, (07)696-2019 ext. 503.', '2026-01-20T02:00:00Z'),
	(2, 'social', '敬老愛心卡可在社區照顧關懷據點申辦', '為了讓長輩少跑一趟，自 **3 月起**，本區各**社區照顧關懷據點**於據點活動時間代收敬老愛心卡申請。

- 對象：設籍高雄市、年滿 65 歲（原住民年滿 55 歲）的長輩
- 請帶：本人身分證、最近 6 個月內 1 吋彩色照片 1 張
- 卡片製作約 10 至 15 個工作天，完成後可由據點代領轉交，或本人到一樓社會課領取

各據點收件時間公告於本所網站及各里辦公處公布欄，出發前請先向據點確認。洽詢：社會課，電話 (07)696-2019 分機 204。', 'Apply for the Senior Love Card at your community care point', 'To save seniors a trip, from **March** the **community care points** across Luzhu accept Senior Love Card applications during their activity hours.

- Who: residents registered in Kaohsiung aged 65 or over (55 or over for Indigenous people)
- Bring: your ID card and one 1-inch color photo taken within the last 6 months
- The card takes about 10 to 15 working days; the care point can collect it for you, or you can pick it up yourself at the Social Affairs Section on 1F

Each care point''s hours are posted on our website and on the notice boards of the village offices; please check with the care point before you go. Enquiries: Social Affairs Section, (07)696-2019 ext. 204.', '2026-02-24T01:00:00Z'),
	(3, 'mediation', '下半年調解及義務律師諮詢時間', '本所調解委員會 7 月至 12 月照常於**每週三上午 9 時至 12 時**在三樓調解室辦理調解，同時段提供**義務律師法律諮詢**，均不收費。

- 法律諮詢每人約 20 分鐘，名額有限，請事先來電預約
- 聲請調解請攜帶身分證、印章，以及對方的姓名與聯絡地址
- 遇颱風等停止上班日暫停辦理，已排定的案件將另行通知改期

洽詢：調解委員會，電話 (07)696-2019 分機 801。', 'Mediation and free legal consultation: second half of the year', 'From July to December the Mediation Committee continues to hold sessions **every Wednesday from 9:00 to 12:00** in the mediation room on 3F, with **free consultations with volunteer lawyers** at the same time. Both are free of charge.

- Legal consultations last about 20 minutes each and places are limited; please book by phone
- To apply for mediation, bring your ID card, your seal, and the other party''s name and contact address
- Sessions are cancelled on days the office is closed, for example for a typhoon; we will contact you to rearrange any session already scheduled

Enquiries: Mediation Committee, (07)696-2019 ext. 801.', '2026-06-24T01:00:00Z'),
	(4, 'secretariat', '颱風來襲，本所明日停止上班', '依高雄市政府公告，因颱風影響，本區**明日（7 月 16 日）停止上班**，本所各項臨櫃業務暫停受理；原定當日到期的申辦案件，期限順延至恢復上班日。

- 災情通報及緊急需求請撥 **1999** 或 **119**
- 路樹倒塌、路燈損壞、側溝阻塞等狀況，風雨過後可撥 1999 或利用本所網站通報
- 農作物受損請先拍照留存，如經公告為農業天然災害救助地區，本所將公布申報期間

請民眾做好防颱準備，非必要不外出。', 'Typhoon: the office is closed tomorrow', 'By order of the Kaohsiung City Government, because of the typhoon **the district is closed tomorrow, 16 July**, and all counter services are suspended. Applications due on that day are extended to the next working day.

- To report damage or an emergency, call **1999** or **119**
- After the storm, report fallen trees, broken streetlights or blocked ditches via 1999 or our website
- If your crops are damaged, take photos now; if Luzhu is declared an agricultural disaster relief area, we will announce the claim period

Please prepare for the typhoon and stay indoors unless you must go out.', '2026-07-15T09:30:00Z'),
	(5, 'social', '重陽敬老禮金 10 月起於各里定點發放', '今年重陽敬老禮金依高雄市政府公告的對象與金額發放，**10 月 5 日至 10 月 16 日**由各里辦公處安排定點發放，行動不便的長輩由里長或里幹事送到家中。各里的發放日期與地點張貼於里辦公處公布欄，並公告於本所網站。

未能於定點領取者，請於 **10 月 19 日至 10 月 30 日**攜帶長輩身分證及印章到一樓社會課補領；家屬代領請另帶代領人身分證。**補領期間結束後不再發放。**

洽詢：社會課，電話 (07)696-2019 分機 204。', 'Double Ninth senior gift: handed out in each village from October', 'This year''s Double Ninth senior gift is paid to the seniors, and in the amounts, announced by the Kaohsiung City Government. **From 5 to 16 October** each village office hands it out at set places, and the village chief or village officer brings it to seniors who cannot get about. Each village''s dates and places are posted on the village notice board and on our website.

If you miss it, collect it **from 19 to 30 October** at the Social Affairs Section on 1F, bringing the senior''s ID card and seal; a family member collecting it also brings their own ID card. **Nothing is paid after the collection period ends.**

Enquiries: Social Affairs Section, (07)696-2019 ext. 204.', '2026-09-22T01:00:00Z'),
	(6, 'social', '低收入戶及中低收入戶年度總清查，請於期限內回覆', '本所已寄出 2027 年度低收入戶及中低收入戶**總清查通知**。請於通知所載期限內，將資料表及需補附的文件送回一樓社會課，或交由里幹事轉送。

逾期未回覆或未配合訪視，可能影響次年度的福利身分及相關補助。家中有人出生、死亡、結婚、遷出或工作收入增加，也請主動告知。

洽詢：社會課，電話 (07)696-2019 分機 201。', 'Annual review of low-income households: please reply by the deadline', 'We have posted the **annual review notices** for 2027 to all low-income and middle-to-low-income households. Please return the form and any documents it asks for to the Social Affairs Section on 1F, or through your village officer, by the deadline in the notice.

If you do not reply in time or are not available for the home visit, your welfare status and benefits for next year may be affected. Please also tell us about births, deaths, marriages, moves, or increases in work income in your household.

Enquiries: Social Affairs Section, (07)696-2019 ext. 201.', '2026-11-20T01:00:00Z');

-- The office's settings (issue #11): what a real office sets on
-- /staff/admin/settings or with `bianmin admin set`.  public_url stays
-- unset: the demo runs wherever it is started, and staff pages say so.
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
