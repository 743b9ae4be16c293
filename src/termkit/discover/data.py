"""Word lists for discovery: numerals, units, function words, part-of-speech tags. Generic Chinese,
no terms. The numerals and measure words are :mod:`termkit.chardata`'s, as sets: ``in`` asks
about one character (or a whole word), never a substring.

>>> "两" in NUMERALS, "三四" in NUMERALS, "年" in UNIT_CHARS
(True, False, True)
"""

from __future__ import annotations

from .. import chardata

NUMERALS = frozenset(chardata.COUNT_NUMERALS)
DIGITS = frozenset(chardata.NUMBER_CHARS)
MEASURES = frozenset(chardata.MEASURES)
# what a package (一揽子) is of, when it is named by what sets it apart (一揽子增量政策, 一揽子化债方案)
PACKAGE_HEADS = ("政策", "方案", "计划", "措施", "举措")
# characters a variant of a known term may change: a measure word or its stand-ins (四种意识 = 四个意识, 两大文明 =
# 两个文明); any other change makes another term (奋斗精神, 北斗精神)
SWAPPABLE = MEASURES
# parts of speech (jieba's, first letter) of words a longer form of a known term may insert and still name the
# same thing: adjectives, distinguishers, adverbs, determiners, measures, time words (乡村全面振兴, 民族大团结,
# 两岸各领域融合发展, 祖国早日统一); a noun or a verb inserted names a kind of it (保障性租赁住房, 习近平经济思想,
# 人民抗日战争)
MODIFIER_TAGS = frozenset("abdrqmtz")
# words of degree and scope that jieba's dictionary tags as nouns (全面 n, 深度 ns): modifiers all the same
DEGREE_WORDS = frozenset({"全面", "深度", "高质量", "高水平", "更高水平", "深层次", "全方位", "全链条", "全过程"})
# suffixes that make a word of the same sense (绿色 → 绿色化, 服务 → 服务性): inserted alone, the name stays
DERIVATIONAL_SUFFIXES = frozenset("化性")
# parts of speech of a function word that alone, inserted, leaves the name as it was (积极的财政政策, 理想和信念);
# with other words beside it, it makes a clause or adds a second thing (党对工会的全面领导, 城中村和危旧房改造)
FUNCTION_TAGS = frozenset("ucp")
# parts of speech of a place or locality word that a generic noun may complete (中部 → 中部地区崛起)
LOCALITY_TAGS = frozenset({"f", "s"})
# words that stand where a numeral could: their counts show a head takes any quantity (几个方面)
QUANTIFIERS = tuple("一二两三四五六七八九十几多各每这那数")
# measure words that count people and things (三名航天员, 两位数, 五只熊猫): a numeral before them is a
# count, not a formula, unless a second numeral makes a shape (三位一体, 五位一体)
COUNTING_MEASURES = frozenset("名位只头匹辆艘架座栋份篇部本封枚颗台响根株棵头尾盏")
# units and counted things after a number: an amount, a date or an ordinary count, not a name
UNIT_CHARS = frozenset("年月日号时分秒岁周天夜晚倍万亿千百十元角块吨斤米里亩克升度次人口户家所台辆架艘件届期成番多余"
                       "季代班层级段句遍趟场兆")
UNIT_WORDS = ("小时", "分钟", "公里", "公斤", "百分点", "世纪", "星期", "平方", "立方", "千米", "千克", "方面",
              "部分", "阶段", "地区", "国家", "城市", "省份", "单位", "同志", "月份", "季度", "年代")
# units of a span of time or of stages: with a name after them the number is part of the name (五年规划, 十年禁渔,
# 百年大党, 三期叠加), not a count
SPAN_UNITS = frozenset("年期")
# first characters of what follows a quantity in a sentence (三个月来, 五年间, 两年多, 十年以上, 三天时间)
QUANTITY_TAIL = frozenset("来间内后前多余以之的里中左右半零至到时起初末底整")
# single-word edges that make a span a piece of a sentence rather than a name
STOP_EDGE = frozenset("的了是在和与及等也都就而并对把被着过之其这那我你他她它们要将所但或又很更最已再还让使给跟向从"
                      "于为以由上中下里内外时后前个")
STOP_START = STOP_EDGE - frozenset("为以由上中下内外前个")
# words that join a run's last item to the one before it (经济效益、社会效益和生态效益)
JOINS = ("以及", "和", "及", "与")
# parts of speech (jieba's dictionary) of names: a name is not a formula
NAME_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt"})
# fixed expressions and abbreviations: a dictionary word with these tags may be a formula
FIXED_TAGS = frozenset({"l", "i", "j", "nz"})
# first letters of the tags of words a term does not start / end with: adverb, pronoun,
# preposition, conjunction, particle, modal
BAD_FIRST_TAGS = frozenset("drpcuy")
BAD_LAST_TAGS = frozenset("dpcuy")
# first words trimmed off a statistical candidate: a term names something, and the verb or adverb in
# front of it (贯彻新发展理念, 实现中华民族伟大复兴) belongs to the sentence
TRIM_FIRST_TAGS = frozenset({"v", "vd", "d", "p", "c", "r", "u", "y", "ad", "m", "q"})
TRIM_WORDS = frozenset({"贯彻", "落实", "推进", "实施", "践行", "弘扬", "深化", "推动", "树立", "打好", "打赢", "开展",
                        "实现", "构建", "坚定", "增强", "做到", "遵循", "围绕", "聚焦", "加快", "深入", "学习", "坚持",
                        "领会", "把握", "牢记", "秉持", "倡导", "发扬", "巩固", "提出", "确立", "维护", "拥护",
                        "贯彻落实"})
TRIM_LAST_TAGS = frozenset({"u", "y", "c", "p", "d", "f"})
# verbs that, right after a known term, make it the subject of a sentence (中国式现代化作出系统部署,
# 乡村振兴取得新成效), not a newer form of it (see discover.newer_form); 学习 is left out (X学习教育 names a
# campaign), and so is 实施 (X实施方案 names a plan)
PREDICATE_VERBS = tuple(sorted((TRIM_WORDS - {"学习", "实施"})
                               | {"作出", "取得", "迈出", "迈上", "迈向", "开创", "开辟", "提供", "注入", "展现",
                                  "彰显", "进入", "走深", "不断", "形成", "抓好", "凝心聚力", "稳步", "蓬勃发展"}))
# verbs of a result or an achievement: after a noun inside a statistical string, a clause's predicate (互利合作取得
# 更多成果, 科学精准做好疫情防控), and adverbs of a trend before a verb (空气质量持续改善): see discover.noise.clause;
# bench/discover_results.md, round 22
CLAUSE_VERBS = frozenset({"取得", "达成", "迈上", "提供", "作出", "注入", "展现", "彰显", "夯实", "做好"})
TREND_ADVERBS = frozenset({"不断", "持续", "稳步", "进一步", "日益", "逐步"})
# heads that end many formula names (战略, 理念 …): a feature of the learned ranking, not a rule
FORMULA_HEADS = ("战略", "理念", "精神", "工程", "经验", "格局", "观", "主义", "共同体", "倡议", "思想", "制度",
                 "体系", "路线", "方针", "政策", "行动", "计划", "模式", "机制", "原则", "作风", "运动", "生产力",
                 "现代化", "一体化", "战役", "攻坚战", "保卫战", "清单", "自信", "意识", "改革", "振兴", "强国",
                 "方略", "路径", "大局", "使命", "初心", "底线", "红线", "风")
# heads that, standing alone after 的, make the principle of what comes before it, not a name: 平等互利的原则,
# 预防为主的方针, 经济建设的方针 are sentences about X (13 of the 47 bad rows of round 8's list of the 1978–1992 work
# reports together); a formula names X itself, or qualifies the head (独立自主的外交政策, 积极的财政政策). 现代化 is not
# one of them: the lexicon names five modernizations so (人口规模巨大的现代化)
BARE_HEADS = ("原则", "方针", "路线", "政策", "思想", "经验")
# heads that end the name of a policy area or an institution as often as a formula's (科技体制改革, 最低工资制度,
# 社会保障体系, 人民币汇率形成机制 beside 供给侧结构性改革, 社会信用体系): of the curators' and blind judges'
# verdicts on strings ending in one after a domain's common words, 113 are bad and 10 good, while the lexicon lists 37
# such forms (文化体制改革, 医药卫生体制改革): knowledge, not spelling, tells them apart, so they are a feature the
# rankings weigh (:mod:`.features`), not a noise rule, and a ranking learnt from the input gives them no head's weight
WEAK_HEADS = ("改革", "体制", "制度", "机制", "体系")
# heads that make a name of two common words (航天强国, 亚太命运共同体, 全球安全倡议): such a pair is not ordinary
# Chinese (see noise.ordinary); weaker heads (体系, 工程, 精神) end ordinary collocations as often (重大工程)
NAMING_HEADS = ("强国", "命运共同体", "倡议", "战略", "理念", "思想", "主义", "自信", "意识", "攻坚战", "保卫战",
                "示范区", "新质生产力", "现代化")
# verbs whose object is typically a named policy or formula (坚持“两个毫不动摇”, 贯彻新发展理念): the share of
# a candidate's occurrences right after one is a feature of the learned ranking
POLICY_VERBS = ("坚持", "贯彻", "落实", "推进", "实施", "践行", "弘扬", "深化", "推动", "树立", "打好", "打赢", "开展",
                "实现", "建设", "构建", "坚定", "增强", "做到", "遵循", "围绕", "聚焦", "加快", "全面", "深入", "学习",
                "领会", "把握", "牢记", "秉持", "倡导", "发扬", "健全", "完善", "巩固", "提出", "确立", "维护", "拥护")
# heads that end the name of a programme, plan, strategy or campaign (全民健身计划, 贫困村整体提升工程,
# 扩大内需战略, 兴边富民行动, 蓝天保卫战, 脱贫攻坚责任制, “米袋子”省长负责制): such a name is often written once in
# a report, as the object of a verb that launches or carries it out (:data:`PROGRAMME_VERBS`), so on one document
# the object is a candidate seen once (see :func:`.patterns.headed_objects`)
PROGRAMME_HEADS = ("行动计划", "计划", "工程", "战略", "规划", "规划纲要", "行动", "攻坚战", "保卫战", "责任制",
                   "负责制")
# verbs that launch or carry out a programme (实施全民健身计划, 启动…三年行动, 编制…规划, 打好蓝天保卫战)
PROGRAMME_VERBS = ("实施", "启动", "开展", "推进", "出台", "编制", "制定", "打好", "打赢", "坚持", "落实", "推行",
                   "压实")
# verbs that put a rule in force, beside the policy and programme verbs, before a coinage of four loose characters
# (实行多证合一, 农村实行政社分开, 由先证后照改为先照后证, 提倡晚婚晚育: see :func:`.patterns.coined_objects`); not 鼓励
# (鼓励银行敢贷 as often as 鼓励以工代训) nor 推广 (推广秸秆还田: a practice)
COINAGE_VERBS = ("实行", "执行", "改为", "提倡")
# heads that frame a known formula as the line it sets (稳中求进 → 稳中求进工作总基调, 计划生育 →
# 计划生育基本国策, 依法治国 → 依法治国基本方略, 中国特色社会主义 → 中国特色社会主义道路): the known term and its
# frame are one fixed name, written as a verb's object (坚持…, 贯彻…, 完善…), often once in a report (see
# :func:`.patterns.framed_objects`). Not 制度 alone: of the X制度 the 2014, 2017 and 2020 censuses ruled on, as many
# are policy mechanisms (产权保护制度, 居住证制度) as fixed names (民族区域自治制度)
FRAME_HEADS = ("工作总基调", "总基调", "基本国策", "基本方略", "基本路线", "总方针", "基本方针", "基本制度",
               "道路", "框架", "伟大旗帜")
# nouns a document names a line by, after the line itself and 的 (贯彻军民结合、平战结合的方针,
# 执行“安全第一、预防为主”的方针, 走上自主经营、自负盈亏的道路, 实行地方负责、分级管理的体制): the items, or the
# quoted words, before them are the formula its writers hold to, written once as often as not (see
# :func:`.patterns.principle_runs`). Not 政策 (稳定外贸增长的政策: a description), 局面 or 轨道 (a state reached)
PRINCIPLE_NOUNS = ("方针", "原则", "指导思想", "道路", "体制", "方向")
# a frame whose verb belongs to the formula (高举…伟大旗帜: the banner is held high, not merely named)
FRAME_OWN_VERBS = {"伟大旗帜": "高举"}
# verbs before such a frame, beside the policy and programme verbs (建立公平竞争审查制度, 走中国特色社会主义道路)
FRAME_VERBS = ("建立", "走", "坚定不移走", "高举")
# titles and forms of address: a string holding one names a person or an office, not a formula
# (习近平总书记, 两国元首重要共识, 两党两国最高领导人)
TITLES = ("总书记", "书记", "主席", "总理", "委员长", "部长", "省长", "市长", "县长", "主任", "元首", "领导人", "同志",
          "总统", "首相", "大使", "秘书长", "国务委员", "委员", "代表团", "发言人", "负责人", "院士", "先生", "女士")
# openers of bilateral courtesy phrases: two parties and their relations, not a formula (两国关系, 双方共同努力)
PAIR_WORDS = ("两国", "两党", "两军", "双方", "双边", "中方", "两国人民", "两院", "各国", "两岸同胞")
# nouns that make a place or a pair into an ordinary relation phrase (中欧关系, 中美合作)
RELATION_NOUNS = ("关系", "合作", "友好", "友谊", "交往", "交流", "人民", "领导人", "元首", "共识", "经贸", "战略")
# meetings, ceremonies, anniversaries and the documents and speeches made at them: events, not formulas
# (四中全会精神, 发展座谈会, 二十大报告)
EVENT_WORDS = ("全会", "大会", "会议", "峰会", "论坛", "座谈会", "博览会", "运动会", "展览会", "发布会", "开幕式",
               "闭幕式", "纪念日", "周年", "报告", "讲话", "重要指示", "贺信", "致辞", "会谈", "会见", "演讲")
# a dictionary word (or each word of a pair or triple) at least this frequent in jieba's dictionary is ordinary
# Chinese: 世界和平 = 世界 + 和平, 基础研究, 人民群众 (see noise.ordinary)
COMMON_WORD = 300
# a whole dictionary word at least this frequent is established vocabulary, also in quotation marks (领跑, 匕首)
KNOWN_WORD = 20
# characters that spell foreign names (艾森豪威尔, 海马斯, 伊斯兰): a string mostly made of them is a name
TRANSLITERATION = frozenset("阿埃艾奥欧乌伊亚雅耶约尤巴贝比波布博达德迪多杜敦顿法菲弗福伏盖戈格哥古圭哈海汉赫霍胡基吉"
                            "加杰捷卡凯坎科克库拉莱兰朗劳勒雷里利林卢鲁伦罗洛马麦曼梅蒙米密莫姆穆纳内尼涅努诺帕佩彭皮"
                            "普萨塞桑森沙舍什斯索塔泰坦特提图托瓦威维沃乌西希谢辛休逊耶扎泽兹佐尔恩茨赫蒂丹丁斐")
# characters that end a fragment of a sentence, not a name (九个以, 二氧化碳约)
FRAGMENT_END = frozenset("的了是在和与及等也都就而并对把被着过之其这那要将所但或又很更最已再还让使给跟向从于以约及个")
# characters that end a word and so never start a name (化军事训练 is cut from 现代化军事训练)
FRAGMENT_START = frozenset("化性们者之的了着过得地")
# single-character names of countries and regions as they pair in bilateral phrases (中俄, 中老, 俄中): a year
# after such a pair is a bilateral event (中老友好年, 中俄文化年), not a campaign (消费促进年)
COUNTRY_CHARS = frozenset("中美俄日韩朝英法德意印巴非欧澳加新马泰越老柬缅菲埃塔乌哈吉土伊沙阿蒙尼秘智古希葡西"
                          "荷比瑞挪丹芬波匈捷塞克孟斯蒂文")
# venues of a press format at a meeting, after a title (委员通道, 部长通道): an event, not a formula
VENUE_WORDS = ("通道", "会客厅", "开放日")
# last words that name an organisation, a treaty, or a craft, instrument or weapon (和平委员会, 之友小组,
# 亚伯拉罕协议, 天韵相机, 星际客机): a name, not a formula
THING_HEADS = ("委员会", "小组", "协议", "相机", "客机", "飞机", "飞船", "卫星", "星座", "望远镜", "火箭", "导弹",
               "潜艇", "航母", "战机", "公墓", "陵园", "纪念馆", "博物馆", "大桥", "机场", "港口")
# what a statement is made of, counted in points after a numeral and 点 (六点共识, 三点建议: the points of a
# speech or a joint statement, not a formula)
STATEMENT_NOUNS = frozenset({"共识", "建议", "倡议", "主张", "意见", "要求", "希望", "看法", "声明", "承诺"})
# words before a thing's name (被誉为“中国天眼”, 台风“泰利”, 火箭“星舰”) and after it (“星舰”火箭, “人造太阳”装置,
# 素有“…”之称): a string there names a thing, a storm or a craft (see noise.introduced)
NAME_BEFORE = ("誉为", "称为", "称作", "号称", "俗称", "昵称", "名为", "命名为", "代号", "台风", "飓风", "火箭", "飞船",
               "卫星", "探测器", "望远镜", "装置", "舰", "机器人",
               # round 5 (development news): a name given, a storm, a party, a medal, a venue (起名“山呷呷”,
               # 气旋风暴“穆查”, 政党“阿迈勒运动”, 奖牌“桂子”, 场馆“雄安印象”; not 授予: honours the lexicon holds
               # are given so, 授予“全国先进基层党组织”称号)
               "起名", "取名", "名叫", "风暴", "政党", "奖牌", "吉祥物", "胜地", "场馆")
NAME_AFTER = ("之称", "的美誉", "美誉", "火箭", "飞船", "卫星", "探测器", "望远镜", "装置", "号", "舰", "台风",
              "荣誉称号", "服务站", "书屋")  # “模范火箭炮兵连”荣誉称号, “太湖明珠”雷锋服务站
# what an event, a show or a programme is, right after its title (“鼓岭缘”中美民间友好论坛 has more words between;
# “国乐之春”艺术节, “重温经典”频道, “天空卫士”军事演习): a string mostly standing before one is the title of an event or
# a programme, not a formula (see noise.introduced); 行动, 活动, 仪式 and 展览 are not among them: campaigns are
# formulas, and their activities and ceremonies follow them too (学雷锋活动, 宪法宣誓仪式)
TITLE_AFTER = ("论坛", "频道", "栏目", "节目", "晚会", "艺术节", "文化节", "电影节", "主题展", "展映", "展区", "画展",
               "演出", "音乐会", "大赛", "比赛", "公开赛", "赛事", "军事演习", "联合演习", "演习", "科考", "签约仪式",
               "集中采访", "对话会", "圆桌", "之夜", "快乐季", "活动周", "专场", "系列报道", "纪录片", "演示飞行",
               "媒体行动")
# words a named day starts with (全国科普日, 国际茶日, 世界读书日): with 日 last, an event (see noise.occasion)
SCOPE_WORDS = ("全国", "国际", "世界", "中国", "国家", "全民")
# openers of honorary titles and awards (最美铁路人, 最佳旅游乡村, 十佳青年): an event, not a formula
AWARD_OPENERS = ("最美", "最佳", "十佳", "百佳")
# last words of awards (国家工程师奖, 特级航天功勋奖章); not 楷模 or 勋章, which end entries (时代楷模, 七一勋章)
AWARD_HEADS = ("奖", "奖章", "称号")
# last words of campaigns held every year (春风行动, 三下乡, 安全生产月, 消费促进年): dated each year, still campaigns
CAMPAIGN_TAILS = ("行动", "下乡", "月", "年", "周", "季")
# foreign countries, blocs and actors frequent in the news (美国, 以军, 欧盟 …): a string most of whose occurrences
# follow one in the same sentence is reported foreign matter (a place, an army unit, a foreign measure), not a formula
# of Chinese political language (see noise.introduced)
FOREIGN_ACTORS = ("美国", "美方", "特朗普", "拜登", "以色列", "以军", "俄罗斯", "俄方", "乌克兰", "乌方", "日本",
                  "日方", "欧盟", "北约", "英国", "德国", "法国", "韩国", "菲律宾", "哈马斯", "西方",
                  # round 5 (development news): more actors of the foreign news (普京称…, 胡塞武装称…, 伊朗举行…)
                  "普京", "泽连斯基", "内塔尼亚胡", "以防长", "胡塞", "真主党", "伊朗", "也门", "加沙", "土耳其")
