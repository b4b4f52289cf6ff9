"""Detection on the shapes real reports write figures in (guide §1, §2, §3, §5).

Every sentence here is invented; each has the shape of a figure a real report wrote and the library once missed
or read wrongly. Each row: (sentence, [(span text, value, value_max, unit, qualifier)]): every metric the
sentence states, in order, and nothing else.
"""

from __future__ import annotations

import pytest

from dangjian_extract import extract
from shapes import check_rows, read_rows

_read = read_rows
_check = check_rows


# a numeral that ends in 十一 (二十一, 三十一) or holds 十分 / 四处 is a number, not the 十一 holiday or an idiom
NUMERALS_NOT_STOPS = [
    ("全乡二十一个村完成了换届。", [("二十一个", 21, None, "个", "exact")]),
    ("该区三十一个社区建起了网格党支部。", [("三十一个", 31, None, "个", "exact")]),
    ("共有十一个村参与评比。", [("十一个", 11, None, "个", "exact")]),
    ("辖区一百一十一名党员报到。", [("一百一十一名", 111, None, "名", "exact")]),
    ("群众诉求二十分钟内响应。", [("二十分钟", 20, None, "分钟", "at_most")]),
    ("全镇二十四处文物点得到修缮。", [("二十四处", 24, None, "处", "exact")]),
    ("十一期间接待游客3万人次。", [("3万人次", 30000, None, "人次", "exact")]),
    # a count of bodies before their type word is a figure, not the inside of a body's name
    ("镇里新建三家公司。", [("三家", 3, None, "家", "exact")]),
    ("零跑汽车两座新工厂落地金漪湖。", [("两座", 2, None, "座", "exact")]),
    # 三人间 is a kind of room, not three people
    ("有双人间、三人间等不同房型床位60张。", [("60张", 60, None, "张", "exact")]),
    ("五一假期累计服务群众800人次。", [("800人次", 800, None, "人次", "exact")]),
]
# colloquial numerals: a last digit right after 百/千/万/亿 is the next lower place
COLLOQUIAL = [
    ("全村一百一人参加义务劳动。", [("一百一人", 110, None, "人", "exact")]),
    ("合作社吸纳社员三千五人。", [("三千五人", 3500, None, "人", "exact")]),
    ("每亩增收一万五元。", [("一万五元", 15000, None, "CNY", "exact")]),
    ("项目总投资三千五万元。", [("三千五万元", 35000000, None, "CNY", "exact")]),
    ("一百零一户完成改厕。", [("一百零一户", 101, None, "户", "exact")]),
    ("两万三千元用于修路。", [("两万三千元", 23000, None, "CNY", "exact")]),
]
# 倍 is a unit (guide §5): value as written, change from the word before
TIMES = [
    ("村集体收入增长3倍。", [("3倍", 3, None, "倍", "exact")]),
    ("蔬菜亩产提高1.5倍。", [("1.5倍", 1.5, None, "倍", "exact")]),
    ("今年的游客量是去年的4倍。", [("4倍", 4, None, "倍", "exact")]),
    ("合作社分红增长了一倍。", [("一倍", 1, None, "倍", "exact")]),
    ("茶叶收入提高了2倍多。", [("2倍多", 2, None, "倍", "over")]),
]
# 多/余 after the unit: inside the span, qualifier over; 个多月 reads 月
TRAILING = [
    ("他回村任职已1年多。", [("1年多", 1, None, "年", "over")]),
    ("新道路用了3个多月建成。", [("3个多月", 3, None, "月", "over")]),
    ("志愿者每天巡逻2小时多。", [("2小时多", 2, None, "小时", "over")]),
    ("排查花了两个多星期。", [("两个多星期", 2, None, "周", "over")]),
    ("新修渠道4公里多。", [("4公里多", 4, None, "km", "over")]),
    ("葡萄每斤卖6元多。", [("6元多", 6, None, "CNY", "over")]),
    ("社区改造用了一个半星期。", [("一个半星期", 1.5, None, "周", "exact")]),
    ("群众参与率八成多。", [("八成多", 80, None, "%", "over")]),
    ("老书记扎根山村三十余年。", [("三十余年", 30, None, "年", "over")]),
    ("在这条街住了四十多年的老住户。", [("四十多年", 40, None, "年", "over")]),
    # the 多 of a verb, or of 多功能, is not the number's
    ("改良后一亩多收了300斤。", [("300斤", 300, None, "jin", "exact")]),
    ("建成3个多功能活动室。", [("3个", 3, None, "个", "exact")]),
]
# thousands set apart by a space, a decimal torn after its point, a space before the unit or %
SPACED = [
    ("项目总投资6 000万元。", [("6 000万元", 60000000, None, "CNY", "exact")]),
    ("全区共有12 345名志愿者。", [("12 345名", 12345, None, "名", "exact")]),
    ("集体经济收入1 250 000元。", [("1 250 000元", 1250000, None, "CNY", "exact")]),
    ("群众满意率达到97.6 %。", [("97.6 %", 97.6, None, "%", "exact")]),
    ("合作社吸收了 214 户社员入股 36. 5 万元。",
     [("214 户", 214, None, "户", "exact"), ("36. 5 万元", 365000, None, "CNY", "exact")]),
    ("其中社员持股 47. 3%。", [("47. 3%", 47.3, None, "%", "exact")]),
    ("全村茶园面积 5230 亩。", [("5230 亩", 5230, None, "mu", "exact")]),
    ("他在比赛中获得第 2 名。", []),
    ("如图 3 张村的新面貌。", []),
    ("1. 12个村完成改造。", [("12个", 12, None, "个", "exact")]),
    # a section number opening a heading line is no count; a figure opening a line is
    ("1.2项目背景\n近年来，村里新建3个大棚。", [("3个", 3, None, "个", "exact")]),
    ("服务群众\n2.3万人次", [("2.3万人次", 23000, None, "人次", "exact")]),
    ("营收超千亿元的园区达6个。", [("千亿元", 1e11, None, "CNY", "over"), ("6个", 6, None, "个", "exact")]),
]
# temperatures and 度电 (kWh)
MEASURES = [
    ("镇区年平均气温13.5℃。", [("13.5℃", 13.5, None, "摄氏度", "exact")]),
    ("光伏电站年发电3.1万度电。", [("3.1万度电", 31000, None, "kWh", "exact")]),
]
# counts with 次 after their measure word, and 通 (calls)
COUNTS = [
    ("出动执法车辆260台次。", [("260台次", 260, None, "台次", "exact")]),
    ("检查过往车辆1500余辆次。", [("1500余辆次", 1500, None, "辆次", "over")]),
    ("接听群众来电400余通。", [("400余通", 400, None, "通", "over")]),
    ("网格员打了30多通电话。", [("30多通", 30, None, "通", "over")]),
    ("全程5通过审核。", []),
    ("每年育雏林草鸡4批20万羽。", [("4批", 4, None, "批", "exact"), ("20万羽", 200000, None, "羽", "exact")]),
    ("省委组织部等4部门联合印发。", [("4部门", 4, None, "部门", "exact")]),
    ("全区有20个一类县。", [("20个", 20, None, "个", "exact")]),
    ("统筹布局10处党群服务圈。", [("10处", 10, None, "处", "exact")]),
]
# qualifier words written after the number that begin another word qualify nothing
AFTER_NOT_BEFORE = [
    ("新设6个内设机构。", [("6个", 6, None, "个", "exact")]),
    ("引进15家上下游企业。", [("15家", 15, None, "家", "exact")]),
    ("配备20名内勤人员。", [("20名", 20, None, "名", "exact")]),
    ("建成3个左右岸观景台。", [("3个", 3, None, "个", "exact")]),
    ("每户补贴500元左右。", [("500元", 500, None, "CNY", "about")]),
    ("7个工作日内办结。", [("7个工作日", 7, None, "工作日", "at_most")]),
]
# qualifier words before the number
BEFORE = [
    ("缺课2次及以上者不予结业。", [("2次", 2, None, "次", "over")]),
    ("收入10万元以上（含）的村有5个。", [("10万元", 100000, None, "CNY", "over"), ("5个", 5, None, "个", "exact")]),
    ("村集体年收入不超4万元。", [("4万元", 40000, None, "CNY", "at_most")]),
    ("活动室面积不小于120平方米。", [("120平方米", 120, None, "m2", "at_least")]),
    ("书记每月不止5次入户走访。", [("5次", 5, None, "次", "over")]),
]
# a numeral before a place or body word that is a count, not the start of a name
COUNT_NOT_NAME = [
    ("抽调四名镇干部驻村。", [("四名", 4, None, "名", "exact")]),
    ("两所市属中学结对帮扶。", [("两所", 2, None, "所", "exact")]),
    ("走访五家区直单位。", [("五家", 5, None, "家", "exact")]),
    ("六位区委委员参加了调研。", [("六位", 6, None, "位", "exact")]),
    ("共有三家镇属企业。", [("三家", 3, None, "家", "exact")]),
    ("走访了三家村民。", [("三家", 3, None, "家", "exact")]),
    ("建成两所村级幼儿园。", [("两所", 2, None, "所", "exact")]),
    ("全村二十四处水塘完成清淤。", [("二十四处", 24, None, "处", "exact")]),
]
# a number after its noun with a verb between (社零实现…亿), and decimals scaled exactly
NOUN_BEFORE = [
    ("社零实现86.37亿，居全区第三。", [("86.37亿", 8637000000, None, "CNY", "exact")]),
    ("工业产值完成4.2亿。", [("4.2亿", 420000000, None, "CNY", "exact")]),
    ("全县60岁以上人口已达4.6万。", [("4.6万", 46000, None, "人", "exact")]),
    ("注册用户累计达35万。", [("35万", 350000, None, "人", "exact")]),
    # a population noun before a whole number and a clause break
    ("该村总户数412户,总人口1566,人均年收入8230元。",
     [("412户", 412, None, "户", "exact"), ("1566", 1566, None, "人", "exact"),
      ("8230元", 8230, None, "CNY", "exact")]),
    ("常住人口为9340，外出务工人员较多。", [("9340", 9340, None, "人", "exact")]),
]
# people counted with no measure word (the noun is the unit, like 5村)
PEOPLE = [
    ("全村700余村民参与投工投劳。", [("700余村民", 700, None, "村民", "over")]),
    ("合作社带动3000余群众增收。", [("3000余群众", 3000, None, "群众", "over")]),
    ("服务惠及1.6万群众。", [("1.6万群众", 16000, None, "群众", "exact")]),
    ("新公园辐射周边4万居民。", [("4万居民", 40000, None, "居民", "exact")]),
    ("吸纳260余农户入社。", [("260余农户", 260, None, "农户", "over")]),
    ("联结起小区1800余住户。", [("1800余住户", 1800, None, "住户", "over")]),
    ("项目带动数十万群众就业。", [("数十万群众", 100000, None, "群众", "about")]),
    ("2024党员大会召开。", []),
]
# a bare number joined to a later number with a unit takes that unit (its span is the number alone)
SHARED_UNIT = [
    ("满意率和知晓率分别提高了0.52和0.41个百分点。",
     [("0.52", 0.52, None, "pp", "exact"), ("0.41个百分点", 0.41, None, "pp", "exact")]),
    ("城东、城西、城南分别新建14、8和6个。",
     [("14", 14, None, "个", "exact"), ("8", 8, None, "个", "exact"), ("6个", 6, None, "个", "exact")]),
    ("2019和2020年连续获评先进。", []),
    ("三、15个村完成改造。", [("15个", 15, None, "个", "exact")]),
    ("3和5号楼完成加装电梯。", []),
    # the shared unit's scale too: 毛 is a tenth of a yuan
    ("每斤菜价分别涨了3和5毛钱。", [("3", 0.3, None, "CNY", "exact"), ("5毛钱", 0.5, None, "CNY", "exact")]),
]
# ASCII forms of the square and cubic units
ASCII_UNITS = [
    ("治理水土流失面积31.51km2。", [("31.51km2", 31.51, None, "km2", "exact")]),
    ("建成厂房2000m2。", [("2000m2", 2000, None, "m2", "exact")]),
]
# comparison signs before the number
SIGNS = [
    ("巡查覆盖率≥95%得满分。", [("95%", 95, None, "%", "at_least")]),
    ("响应时间≤30分钟。", [("30分钟", 30, None, "分钟", "at_most")]),
    ("单个项目面积大于500平方米。", [("500平方米", 500, None, "m2", "over")]),
]
# a number with a multiplier and no unit takes the unit of the money noun before or after it (a measure word that
# begins that noun is no unit: 40万|分红), and a measure word that begins a word is none (2000余|户籍人口)
MONEY_NOUNS = [
    ("农场每年有300多万的收入，每年要给村上近40万分红。",
     [("300多万", 3000000, None, "CNY", "over"), ("40万", 400000, None, "CNY", "nearly")]),
    ("2020年产值已超过2000万。", [("2000万", 20000000, None, "CNY", "over")]),
    ("满意度综合得分为7.88分，比去年高。", [("7.88分", 7.88, None, "分", "exact")]),
    ("全村有2000余户籍人口。", []),
]
# a bare 百/千/万 before a unit of area states a size; before other units and measure words it is rhetoric
BARE_SIZES = [
    # 不过/不足/不到 before a bare multiplier bound it from above
    ("以前一亩地年产值不过万元。", [("万元", 10000, None, "CNY", "at_most")]),
    ("过去全村人均收入不足千元。", [("千元", 1000, None, "CNY", "under")]),  # guide §3: 不足 is under
    ("流转千亩闲置土地，建起蔬菜基地。", [("千亩", 1000, None, "mu", "exact")]),
    ("库尔村的万亩棉田迎来采收。", [("万亩", 10000, None, "mu", "exact")]),
    ("用千斤顶把车身顶起，千名干部进万家。", []),
]
# measure words of farm and power statistics; 初 numbers days and school years, never a sum of money
MORE_MEASURES = [
    # head of livestock counted together (头只), written whole or with its second character in brackets
    ("借牧牲畜总量37.3万头只。", [("37.3万头只", 373000, None, "头只", "exact")]),
    ("存栏415头(只)。", [("415头(只)", 415, None, "头只", "exact")]),
    # a compound measure word of sessions, and a population written after 高达
    ("共举办各类实用技术培训班5期次。", [("5期次", 5, None, "期次", "exact")]),
    ("该社区常住人口高达2.2万,人口密度较高。", [("2.2万", 22000, None, "人", "exact")]),
    ("全县收购烟叶12.6万担。", [("12.6万担", 126000, None, "担", "exact")]),
    ("合作社新购农机具6台套。", [("6台套", 6, None, "台套", "exact")]),
    # doses of a vaccine, cellars of a crop
    ("街道累计完成新冠疫苗第一针接种41230剂。", [("41230剂", 41230, None, "剂", "exact")]),
    ("全村今年种下600多窖天麻。", [("600多窖", 600, None, "窖", "over")]),
    ("屋顶光伏装机容量达200kW。", [("200kW", 200, None, "kW", "exact")]),
    # prices in 块钱 and 毛钱 (一块钱 is one yuan, not the generic "a"); rates per mille with their sign
    ("好的一斤卖一块钱，差的每斤卖六毛钱。",
     [("一块钱", 1, None, "CNY", "exact"), ("六毛钱", 0.6, None, "CNY", "exact")]),
    # a bare 万/亿 inside a Chinese numeral, or after a money noun, with 多 after the 万
    ("全市每年五百亿的产值，80多亿的财政税收。",
     [("五百亿", 50000000000, None, "CNY", "exact"), ("80多亿", 8000000000, None, "CNY", "over")]),
    ("合作社今年创收380万多。", [("380万多", 3800000, None, "CNY", "over")]),
    ("全年出生率为6.10‰，自然增长率为-2.85‰。",
     [("6.10‰", 6.1, None, "‰", "exact"), ("-2.85‰", -2.85, None, "‰", "exact")]),
    ("公司从当初2000多万元的年产值，增长到如今的9亿元。",
     [("2000多万元", 20000000, None, "CNY", "over"), ("9亿元", 900000000, None, "CNY", "exact")]),
]
# numerals inside names, holidays and terms are no figures
NOT_METRICS = [
    # a service radius in minutes names a programme (15分钟服务圈), and 算一笔账 is an idiom
    "江苏泰兴构建15分钟服务圈。",
    "有人算过一笔账。",
    # an income class of villages (超百万元村, 亿元村) names no amount
    "全县已有超百万元村。",
    "这里是远近闻名的亿元村。",
    "三元区的党员志愿者来了。",
    "五一村的集体经济发展起来了。",
    "走进三家村，村民们正忙着采茶。",
    "某村九组党小组组长带头。",
    "如图 2 张家村的变化一目了然。",
    "国庆十一长假期间景区人头攒动。",
    "三心二意干不成事。",
    "这一通百通的做法值得推广。",
    "昌晖新能源汽车零部件项目推进较为顺利。",
    "今年以来，共清理三堆和卫生死角。",
    "区四套班子逐园区观摩检查新开工项目。",
    "村里的文艺队常演二人转，村民骑着三轮摩托车赶来。",
    "实施三个一工程。",
    "咖啡花开 满园飘香\n- 0次浏览 发布时间:2025-04-13 11:04:00\n",
    "阅读量:1200次\n",
    "林果交易市场建在村1组大路旁边的一片撂荒地上。",
    # a village whose name begins with a numeral, before a group of its own; a group named again; terms
    "石板村六组组长递过来一张纸。去年，六组将集体林地承包出去。",
    "七家岭村小河湾小组的农户忙着采茶。",
    "全县三次产业结构由15:40:45调整为12:38:50。",
    "他靠养鸡赚到了第一桶金。",
    "全面落实省委十三届五次全会部署。",
    "过去药材卖给外商做精深加工，人家赚大头，咱只能赚零头。",
]


def test_exact_decimal_scaling() -> None:
    (m,) = extract("社会消费品零售总额145.98亿元。").metrics
    assert m.value == 14598000000.0

# places counted without a measure word (5县, 12镇), wells (眼) and rows (排); a level (县级) or a word (镇村, 一眼望去)
# after the number is no count
PLACES_WELLS_ROWS = [
    ("共带动12镇、86村发展。", [("12镇", 12, None, "镇", "exact"), ("86村", 86, None, "村", "exact")]),
    ("携手肇庆的5县（市）融入。", [("5县", 5, None, "县", "exact")]),
    ("广州携手梅州、湛江、清远3市融入。", [("3市", 3, None, "市", "exact")]),
    ("先后为村子打了30眼机电井和8眼自来水井。", [("30眼", 30, None, "眼", "exact"), ("8眼", 8, None, "眼", "exact")]),
    ("只见3排菌菇床上长满了赤松茸。", [("3排", 3, None, "排", "exact")]),
    ("全市2县级市完成改革，镇村两级一眼望去，排名第3排位靠前，第2市场。", []),
]

TABLES = {
    "numerals_not_stops": NUMERALS_NOT_STOPS, "colloquial": COLLOQUIAL, "times": TIMES, "trailing": TRAILING,
    "spaced": SPACED, "counts": COUNTS, "after_not_before": AFTER_NOT_BEFORE, "before": BEFORE,
    "count_not_name": COUNT_NOT_NAME, "noun_before": NOUN_BEFORE, "people": PEOPLE, "signs": SIGNS,
    "shared_unit": SHARED_UNIT, "ascii_units": ASCII_UNITS, "measures": MEASURES, "bare_sizes": BARE_SIZES,
    "money_nouns": MONEY_NOUNS, "more_measures": MORE_MEASURES, "places_wells_rows": PLACES_WELLS_ROWS,
}
CASES = [(name, text, expected) for name, rows in TABLES.items() for text, expected in rows]


@pytest.mark.parametrize(("table", "text", "expected"), CASES, ids=[f"{n}:{t}" for n, t, _ in CASES])
def test_reads(table: str, text: str, expected: list[tuple]) -> None:
    _check(text, expected)


@pytest.mark.parametrize("text", NOT_METRICS)
def test_not_a_metric(text: str) -> None:
    assert _read(text) == []


@pytest.mark.parametrize(("text", "change"), [
    ("村集体收入增长3倍。", "increase"),
    ("今年的游客量是去年的4倍。", None),
    ("女性党员占比高达38%。", None),
    ("35岁以下党员占比达42%。", None),
    ("收入之比缩小到2.3，村民收入增长12%。", "increase"),
    ("规上工业增加值18亿元。", None),
    ("规上战新增加值2.6亿元。", None),
    ("群众满意度比去年高4个百分点。", "increase"),
    # 比增/比降: compared with the year before; 经济增长 in 对经济增长的贡献率 is a noun
    ("全区生产总值突破200亿元、比增5.5%。", "increase"),
    ("农业增加值同比增长3.1%，对经济增长的贡献率为18.4%。", None),
])
def test_change(text: str, change: str | None) -> None:
    assert extract(text).metrics[-1].change == change


@pytest.mark.parametrize(("table", "text", "expected"), CASES, ids=[f"{n}:{t}" for n, t, _ in CASES])
def test_reads_in_traditional_script(table: str, text: str, expected: list[tuple]) -> None:
    import opencc

    s2t = opencc.OpenCC("s2t")
    _check(s2t.convert(text), [(s2t.convert(e[0]), *e[1:]) for e in expected])


def test_the_dual_structure_of_town_and_country_is_a_term() -> None:
    assert _read("着力破除城乡二元结构，促进城乡发展。") == []


@pytest.mark.parametrize("text", [
    "这些硬实力，让“东莞制造”4个字熠熠生辉。",  # the characters of a quoted phrase
    "干一件实事，胜过喊十句口号。",  # sentences: rhetoric
    "十年驻村，他现在三句话不离“我们村”。",
])
def test_counts_of_characters_and_sentences_are_rhetoric(text: str) -> None:
    assert _read(text) == []


def test_jian_fu_is_no_minus_sign() -> None:
    (m,) = extract("区域评估成果共享为企业减负3000万元。").metrics
    assert m.value == 30000000.0
    (m,) = extract("增速为负0.2%。").metrics
    assert m.value == -0.2


@pytest.mark.parametrize(("text", "expected"), [
    # a place type after the unit (自治区) is no name built on the numeral
    ("成功承办两届自治区红色文化旅游节。", [("两届", 2, None, "届", "exact")]),
    # 两头 counts cattle, not the two ends of a problem
    ("帮大伙解决产销两头难题，还养了两头牛。", [("两头", 2, None, "头", "exact")]),
    # 零工 is odd jobs, 六盘水 a city written by its short form
    ("物业管理委员会自主寻找零工人员。全国优秀共产党员、贵州六盘水李某返乡。", []),
])
def test_numerals_in_words_names_and_place_types(text: str, expected: list[tuple]) -> None:
    _check(text, expected)


def test_names_end_at_later_and_comparisons() -> None:
    text = "依托党建联建机制，丁宅乡串联起像大通农场这样的14家共富工坊。后来高新区拥有30余家企业。"
    names = {e.name for e in extract(text).entities}
    assert "丁宅乡" in names
    assert not any("串联" in n or "后来" in n for n in names)


def test_words_that_open_on_zero_are_no_figures() -> None:
    assert _read("这里既有零件的生产者，也有零部件的使用者，零售网点遍布。") == []


@pytest.mark.parametrize(("text", "change"), [
    ("今年每斤能比市场平均价格多卖10块钱。", "increase"),  # 比…多卖: a difference from a base
    ("一亩地用300方水，比普通农田省一半。", "decrease"),
    ("反映增速的“发展指数”占60%。", None),  # a share after the cue's word states no change
    ("区域评估成果共享为企业减负3000万元。", "decrease"),
])
def test_changes_against_a_base_shares_and_burdens(text: str, change: str | None) -> None:
    assert extract(text).metrics[-1].change == change


def test_idioms_of_two_and_three_and_a_qualifier_across_a_verb_of_work() -> None:
    assert _read("场边里三层外三层坐满了人。小两口凭借积分换了物品。") == []
    (m,) = [m for m in extract("一个工人1小时最多加工5斤松子。").metrics if m.unit == "jin"]
    assert m.qualifier == "at_most"


def test_kuan_nongmuhu_dingduo_and_two_idioms() -> None:
    assert [(m.text, m.unit) for m in extract("开发出了20余款产品，带动12.9万农牧户增收。").metrics] == [
        ("20余款", "款"), ("12.9万农牧户", "农牧户")]
    (m,) = extract("一亩顶多挣1500元。").metrics
    assert (m.qualifier, m.change) == ("at_most", None)
    assert _read("一颗汗珠子摔八瓣。弘扬‘两路’精神。") == []


@pytest.mark.parametrize("text, expected", [
    ("近九成都常年在这个食堂就餐。", [("九成", 90.0, None)]),       # 九成 before 都 (not the city 成都)
    ("节假日民宿的入住率能保持在七八成。", [("七八成", 70.0, 80.0)]),  # a range of tenths
    ("7路公交车缓缓进站。", []),                                        # a bus route's number
    ("习近平总书记在参加十三届全国人大三次会议时强调。", []),            # a session's number
    ("全年召开3次会议。", [("3次", 3.0, None)]),
    ("数十年来，这支队伍坚守一线。", []),                               # a long time, no figure
    ("六盘山下，葫芦河畔。", []),                                       # a mountain's name
])
def test_tenths_routes_sessions_and_names(text: str, expected: list) -> None:
    got = [(m.text, m.value, m.value_max) for m in extract(text).metrics]
    assert got == expected


@pytest.mark.parametrize("text, expected", [
    ("13日零时30分，社区党委书记赶到现场。", []),                   # a clock time in Chinese numerals
    ("嘉兴公交101路从嘉兴火车站出发。", []),                         # a bus route after 公交
    ("汉川纱锭产业生产规模达300多万锭。", [("300多万锭", 3000000.0, None)]),  # spindles
])
def test_clock_times_routes_and_spindles(text: str, expected: list) -> None:
    assert [(m.text, m.value, m.value_max) for m in extract(text).metrics] == expected


@pytest.mark.parametrize("text, expected", [
    ("办案人员先将经营者黄某、艾某找来询问。二人神情紧张、闪烁其词。", []),  # the two just named
    ("“眼下两家看似各缺一条地垄，实际上是界线模糊了。”", []),
    ("合作社帮助两人就业。", [("两人", 2.0, "exact")]),                      # a count after its verb
    ("黑龙江技术员林清双，手指拂过一只狮头鹅厚实的羽翼。", []),             # 过 as an aspect particle
    ("公司没有缺席过一次广交会。", []),
    ("年产值过一亿元。", [("一亿元", 100000000.0, "over")]),                 # 过 before a sum: over
])
def test_pair_pronouns_and_guo_as_an_aspect_particle(text: str, expected: list) -> None:
    assert [(m.text, m.value, m.qualifier) for m in extract(text).metrics] == expected


@pytest.mark.parametrize("text, change", [
    ("每年减排粉尘约1万吨。", "decrease"),
    ("实现节水30%以上。", "decrease"),
    ("累计减免税收约150万元。", "decrease"),
    ("去年，全村就新开了9家农家乐。", "increase"),
    ("游客的平均停留时间延长近一倍。", "increase"),
])
def test_cuts_in_emissions_and_taxes_and_new_openings_are_changes(text: str, change: str) -> None:
    assert extract(text).metrics[0].change == change


def test_what_was_newly_built_described_with_de_is_no_change() -> None:
    assert [m.change for m in extract("新建的两道拦河堰保障了4000亩农田的灌溉。").metrics] == [None, None]
    assert extract("今年新建拦河堰2道。").metrics[0].change == "increase"


def test_what_was_newly_added_described_with_de_is_an_increase() -> None:
    # 新增的13个口袋公园: the 13 are what was added (guide §3: 新增13家 is an increase)
    assert [m.change for m in extract("释放4.5公顷绿地，新增的13个口袋公园镶嵌其中。").metrics] == [None, "increase"]


@pytest.mark.parametrize("text", ["考核指标从527条压缩到237条。", "审批时限由20天缩短到5天。"])
def test_a_level_reached_by_a_cut_has_no_change(text: str) -> None:
    # guide §3: a level reached after a change (降至700余件) has no change; 压缩到/缩短到 are 降至's kind
    assert [m.change for m in extract(text).metrics] == [None, None]


@pytest.mark.parametrize("text, expected", [
    ("新疆喀什英吉沙县乔勒潘乡6村，杏子熟了。", []),                   # a village numbered in its township
    ("全乡6村都通了路。", [("6村", 6.0)]),                                 # the township's villages, counted
    ("70岁以上老人每月缴纳200元，就能享受一日三餐。", [("200元", 200.0)]),  # an idiom, no count of meals
    ("以家为圆心、一刻钟的步行距离为半径。", []),                          # 半径 is no half
    ("今年2月，新生产基地落户株洲高新区，两家公司再续合作。", []),          # the two just named
])
def test_numbered_villages_meals_radius_and_pairs(text: str, expected: list) -> None:
    assert [(m.text, m.value) for m in extract(text).metrics] == expected


def test_the_people_of_a_place_counted_after_a_multiplier() -> None:
    text = "闽宁协作30年。近6000家福建企业扎根宁夏，近15万福建人到宁夏工作、生活。"
    m = extract(text).metrics[-1]
    assert (m.text, m.value, m.unit, m.qualifier, m.object) == ("15万福建人", 150000.0, "人", "nearly", "福建人")
    assert m.entity is not None and m.entity.name == "福建省"
    assert [x.text for x in extract("年产值300多万。吸引了10万游客。").metrics] == ["300多万", "10万游客"]


@pytest.mark.parametrize("text, expected", [
    ("村干部带头，苦干10个月，39院100多间房，奇迹般垒起。", [("10个月", "月"), ("39院", "院"), ("100多间", "间")]),
    ("进城求贤，一回两回，张润生动了情。", []),            # a repeated try, no count of visits
    ("全县有两院院士3名。", [("3名", "名")]),               # the two academies are a title's, no count
])
def test_courtyards_counted_and_repetitions_that_count_nothing(text: str, expected: list) -> None:
    assert [(m.text, m.unit) for m in extract(text).metrics] == expected


def test_courtyards_and_rooms_written_back_to_back_are_two_things() -> None:
    a, b = extract("苦干10个月，39院100多间房，奇迹般垒起。").metrics[1:]
    assert (a.object, b.object) == ("院", "房")


@pytest.mark.parametrize("text, expected", [
    ("东湖区汇聚了42万常住人口。", [("42万", 420000.0, "人")]),
    ("有效保障351.4万低保对象和特困人员。", [("351.4万", 3514000.0, "人")]),
    ("经过三任驻村干部和全体村民努力。", [("三任", 3.0, "任")]),
    ("食堂按每人每天50积分录入。", [("50积分", 50.0, "积分")]),
    ("队员们没要一分钱。", []),                                  # an idiom: nothing at all
    ("一天三顿饭只要5元。", [("5元", 5.0, "CNY")]),             # meals of a day, no count
    ("八路军驰援。", []),
    ("创新再分配和三次分配机制。", []),
    ("一任接着一任干，全村修路12公里。", [("12公里", 12.0, "km")]),
    ("走进三辅三道街特色街区。", []),                          # a numbered street's name
    ("红色基因融入乡风的方式不止一种。", []),                  # "more than one way", no count
])
def test_people_after_a_multiplier_terms_of_office_points_and_idioms(text: str, expected: list) -> None:
    assert [(m.text, m.value, m.unit) for m in extract(text).metrics] == expected


@pytest.mark.parametrize("text, expected", [
    ("早熟品种已占比过半。", [("半", 50.0, "over", None)]),
    ("也让不少居民通勤时间减半。", [("半", 50.0, "exact", "decrease")]),
    ("矛盾减少了一大半。", [("一大半", 50.0, "over", "decrease")]),
    ("标准厂房闲置近半。", [("半", 50.0, "nearly", None)]),
    ("春节的热闹虽已过半，但忙年未完。", []),         # a period half gone
    ("生产、销售却两头在外。", []),                   # both ends, an idiom
    ("双职工不用两头牵挂。", []),
    ("半年来，村里新建车位20个。", [("20个", 20.0, "exact", "increase")]),
])
def test_half_after_its_qualifier_or_change(text: str, expected: list) -> None:
    assert [(m.text, m.value, m.qualifier, m.change) for m in extract(text).metrics] == expected


def test_a_slogan_quoted_inside_a_quotation_counts_nothing() -> None:
    text = "“过去靠经验，心里总怕有遗漏。现在，治安‘三张图’就像给民警装上了导航，出警5次。”"
    assert [m.text for m in extract(text).metrics] == ["5次"]


@pytest.mark.parametrize("text, expected", [
    ("村里举办过4届盆景艺术节。", ("4届", "exact", "盆景艺术节")),     # 过 marks the verb's past, no "over"
    ("全年收入过5万元。", ("5万元", "over", "收入")),
    ("杭州地区生产总值跨越2万亿元新台阶。", ("2万亿元", "over", "杭州地区生产总值")),
    ("去年卖了足有500万包。", ("500万包", "at_least", None)),
])
def test_over_after_verbs_crossing_and_fully(text: str, expected: tuple) -> None:
    m = extract(text).metrics[0]
    assert (m.text, m.qualifier, expected[2] and m.object) == expected


@pytest.mark.parametrize("text, expected", [
    ("游客一年更比一年多。", []),
    ("腊八节，江西迎来降温。", []),
    ("实现一户一人以上就业。", []),
    ("带动34万花农增收。", [("34万花农", "花农")]),
    ("一桌酒席每次都得五六十桌。", [("五六十桌", "桌")]),
    ("累计完成集装箱超4.9万标箱。", [("4.9万标箱", "标箱")]),
])
def test_year_on_year_festivals_growers_tables_and_containers(text: str, expected: list) -> None:
    assert [(m.text, m.unit) for m in extract(text).metrics] == expected


@pytest.mark.parametrize("text, expected", [
    ("亩均收益不足千元。", ("千元", "under")),                 # guide §3: 不足/不到 are under
    ("常住人口不到千人的自然村。", ("千人", "under")),
    ("村集体收入突破了200万元大关。", ("200万元", "over")),
    ("储量约占全国1/6，原煤产量增长。", ("1/6", "about")),      # 约 across 占 and the country's scope
    ("售价为40迪拉姆，约合人民币75元，很快被抢光。", ("75元", "about")),  # 约 across 合人民币
])
def test_under_over_and_about_across_a_scope(text: str, expected: tuple) -> None:
    m = extract(text).metrics[0]
    assert (m.text, m.qualifier) == expected


@pytest.mark.parametrize("text, change", [
    ("最开始年销售额只有200多万元。3年间已激增29倍。", None),
    ("引导企业增购精编机150台。", "increase"),
    ("每吨能增值3000元。", "increase"),
    ("种植成本降了一成。", "decrease"),
    ("全县电商企业一年省下约600万元。", "decrease"),
    ("北镇市注销微信工作群组200余个。", "decrease"),
    ("西峡县清理解散100多个网络工作群组。", "decrease"),
    ("每亩减施化肥65公斤。", "decrease"),
    ("进山的盘山公路从3米拓宽到5米。", None),      # widening states no change of the width it widens from
])
def test_change_cues_of_growth_purchase_saving_and_closing(text: str, change: str | None) -> None:
    if text.startswith("最开始"):  # the surge, the second figure; the base before it changes nothing
        assert [m.change for m in extract(text).metrics if m.unit != "年"] == [None, "increase"]
        return
    assert extract(text).metrics[0].change == change


def test_the_larger_half_and_two_head_of_cattle() -> None:
    m = extract("周塘村3200多人有一多半在外。").metrics[-1]
    assert (m.text, m.value, m.qualifier) == ("一多半", 50.0, "over")
    assert [(x.text, x.unit) for x in extract("家里养了两头牛在山上。").metrics] == [("两头", "头")]



@pytest.mark.parametrize("text, expected", [
    ("片区交通拥堵指数由实施前的3.28下降至2.44，通行更顺畅。", [("3.28", "指数"), ("2.44", "指数")]),
    ("城乡居民收入倍差由2021年的1.75持续缩小至2024年的1.64，全部行政村达标。", [("1.75", "倍"), ("1.64", "倍")]),
    ("盐碱地的pH值能从8.6降至8.2，含盐量下降。", [("8.6", "pH"), ("8.2", "pH")]),
    ("第1.2节规定了标准。", []),                                     # a section number names no index
])
def test_indexes_written_as_bare_decimals(text: str, expected: list) -> None:
    assert [(m.text, m.unit) for m in extract(text).metrics] == expected


@pytest.mark.parametrize("text, expected", [
    # a mountain whose name also names a town (六盘山镇) holds no count of 盘; two mountains still count
    ("六盘山下，葫芦河畔，村里种了300亩。", [("300亩", 300.0)]),
    ("两座山下有3个村。", [("两座", 2.0), ("3个", 3.0)]),
    # 头 before a verb is "end", not a head of livestock (两头连着, 两头跑); 两头牛 counts
    ("元街东西两头连着交通要道，有商户50家。", [("50家", 50.0)]),
    ("他两头跑，跑了3趟。", [("3趟", 3.0)]),
    ("养了两头牛。", [("两头", 2.0)]),
])
def test_landform_names_and_both_ends_count_nothing(text: str, expected: list) -> None:
    assert [(m.text, m.value) for m in extract(text).metrics] == expected


@pytest.mark.parametrize("text, expected", [
    ("园区已形成50吉瓦硅棒及切片、30吉瓦光伏电池。", [("50吉瓦", 50.0, "GW"), ("30吉瓦", 30.0, "GW")]),
    ("新型储能装机10.5吉瓦时。", [("10.5吉瓦时", 10.5, "GWh")]),
    ("总装机容量357.4兆瓦，储能20兆瓦时。", [("357.4兆瓦", 357.4, "MW"), ("20兆瓦时", 20.0, "MWh")]),
])
def test_gigawatts_and_megawatt_hours_are_measures(text: str, expected: list) -> None:
    assert [(m.text, m.value, m.unit) for m in extract(text).metrics] == expected
