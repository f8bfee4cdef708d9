"""Arabic word lists (folded forms: see the package docstring).

Grouped by the stage that reads them; en.py defines the same names.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- normalize

# Clitics and affixes peeled by light_stem, longest first. Conservative: a stem must keep at
# least three letters, and four after a one-letter clitic, so that وزير and وصلت keep their
# first letter while والصواريخ and بالاسلحة lose theirs.
STEM_PREFIXES = ("وبال", "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
STEM_SUFFIXES = ("هما", "كما", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "ية", "يه", "ه", "ي")

# Words that carry no content for matching.
STOPWORDS = frozenset(
    """في من الي علي عن ان او ما مع هذا هذه ذلك تلك التي الذي الذين كان كانت قد لقد وقد ثم
    حتي بعد قبل عند كما بين هو هي هم انه انها اي كل بعض غير ولا لا لم لن ليس و ف ب ل ك""".split()
)
NEGATIONS = frozenset("لم لن لا ليس ليست غير عدم نفي نفت ينفي تنفي".split())

# --------------------------------------------------------------------------- dates

MONTHS: dict[str, int] = {
    # Levantine and Iraqi names first: "كانون الثاني" must win over a bare "الثاني".
    "كانون الثاني": 1,
    "شباط": 2,
    "اذار": 3,
    "نيسان": 4,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "اب": 8,
    "ايلول": 9,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الاول": 12,
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "ابريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "اغسطس": 8,
    "سبتمبر": 9,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    # Maghrebi names (Tunisia, Algeria, Morocco), from the French: "18 جوان 2024".
    "جانفي": 1,
    "فيفري": 2,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويليه": 7,
    "اوت": 8,
}
# Endings of ordinal day numbers ("7th October").
ORDINAL_SUFFIXES: tuple[str, ...] = ()
# "of" between a number or a day and its noun ("7 من أكتوبر", "اثنين من ممثلي").
OF_WORDS = ("من",)
# Words for "year" written before a year's digits ("أكتوبر عام 2024").
YEAR_LABELS = ("عام", "سنه")
# Words right before a bare number that make it a year ("منذ 2008", "في 2008").
YEAR_CUES = ("عام", "سنه", "العام", "منذ", "في")
# Words right before a month named alone ("في أغسطس", "مطلع سبتمبر", folded): the month of
# the year nearest publication. Without such a word a month name is left alone.
MONTH_CUES = (
    "في",
    "وفي",
    "خلال",
    "منذ",
    "حتي",
    "بحلول",
    "مطلع",
    "اوائل",
    "اواخر",
    "منتصف",
    "نهايه",
    "بدايه",
    "شهر",
    "في شهر",
)
# Words after a month or a year that place it against the publication date, with the
# direction they count in ("أغسطس الماضي": the last August before publication).
RELATIVE_AFTER: dict[str, int] = {
    "الماضي": -1,
    "المنصرم": -1,
    "الفائت": -1,
    "المقبل": 1,
    "القادم": 1,
}
# Words before a month or a year that do the same ("last August").
RELATIVE_BEFORE: dict[str, int] = {}
# The current year, said after or before the word for year ("العام الجاري", "هذا العام").
THIS_YEAR_AFTER = ("الحالي", "الجاري")
THIS_YEAR_BEFORE = ("هذا", "هذه")
# The words for year in those phrases.
YEAR_NOUNS = ("العام", "السنه")
# Days named relative to the publication date, and their offset in days; a space stands for
# any whitespace.
RELATIVE_DAYS: dict[str, int] = {"اول امس": -2, "امس": -1, "البارحه": -1, "اليوم": 0, "غدا": 1}
# Words after a relative day that make it some other day: "اليوم التالي" (the next day),
# "اليوم نفسه" (the same day), "اليوم العالمي" (a world day).
RELATIVE_DAY_BLOCKERS = ("التالي", "نفسه", "ذاته", "الذي", "التي", "الدولي", "العالمي")
# Weekday names and their Python weekday (Monday 0). Only the forms with the article: bare
# "اثنين" is the number two, and "احد" is "one". Resolved against the publication date.
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}

# --------------------------------------------------------------------------- numbers

# Number words with their values, each a number on its own or the first word of a compound
# ("خمسة وعشرين", "ثلاثة آلاف"); "واحد" and "أحد" are left out on purpose: "واحدة من" and
# "أحد الجنود" (one of) are figures of speech far more often than counts (they count only
# inside a compound: COMPOUND_NUMBER_WORDS).
NUMBER_WORDS: dict[str, int] = {
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثه": 3,
    "اربع": 4,
    "اربعه": 4,
    "خمس": 5,
    "خمسه": 5,
    "ست": 6,
    "سته": 6,
    "سبع": 7,
    "سبعه": 7,
    "ثماني": 8,
    "ثمانيه": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعه": 9,
    "عشر": 10,
    "عشره": 10,
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
    "مئه": 100,
    "مائه": 100,
    "مئتان": 200,
    "مئتين": 200,
    "مائتان": 200,
    "مائتين": 200,
    # The construct dual ("مئتا ألف", "مائتي شخص").
    "مئتا": 200,
    "مئتي": 200,
    "مائتا": 200,
    "مائتي": 200,
    # Hundreds written as one word, with both spellings of مئة (and ثماني- beside ثمان-).
    **{
        f"{unit}{hundred}": value * 100
        for unit, value in (
            ("ثلاث", 3),
            ("اربع", 4),
            ("خمس", 5),
            ("ست", 6),
            ("سبع", 7),
            ("ثمان", 8),
            ("ثماني", 8),
            ("تسع", 9),
        )
        for hundred in ("مئه", "مائه")
    },
}
# Number words that count only inside a compound: "واحد وعشرين", "أحد عشر", "اثنا عشر".
COMPOUND_NUMBER_WORDS: dict[str, int] = {
    "واحد": 1,
    "واحده": 1,
    "احد": 1,
    "احدي": 1,
    "اثنا": 2,
    "اثني": 2,
    "اثنتا": 2,
    "اثنتي": 2,
}
# The ten of the teens, after a unit with no "و" ("ثلاثة عشر", "اثنتا عشرة").
TEEN_WORDS = ("عشر", "عشره")
# Words that multiply a number below a hundred written before them ("ثلاث مئة").
HUNDRED_WORDS: dict[str, int] = {"مئه": 100, "مائه": 100}
# Duals of the scales: the word alone is twice its scale ("ألفان", "مليونين", "ملياري دولار").
SCALE_DUALS: dict[str, int] = {
    **dict.fromkeys(("الفان", "الفين", "الفي"), 1_000),
    **dict.fromkeys(("مليونان", "مليونين", "مليوني"), 1_000_000),
    **dict.fromkeys(("ملياران", "مليارين", "ملياري", "بليونان", "بليونين"), 1_000_000_000),
}
# Fractions of a scale -> denominator: "نصف مليون" (500,000), "مليون ونصف" (1.5 million).
FRACTION_WORDS: dict[str, int] = {"نصف": 2, "ربع": 4}
# An article that counts one before a hundred, a scale or a fraction ("a million").
NUMBER_ARTICLES: tuple[str, ...] = ()
# "and" between the parts of a compound, as a word and as a prefix ("مئة وخمسين").
NUMBER_CONJUNCTIONS: tuple[str, ...] = ()
NUMBER_CONJUNCTION_PREFIXES = ("و",)
# Ordinals whose number word follows them ("الحادي عشر": the eleventh), and ordinals after a
# hyphen ("twenty-first"): the number words there are no count.
ORDINALS_BEFORE = tuple(
    f"{article}{ordinal}{ending}"
    for article in ("", "ال")
    for ordinal in ("حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع")
    for ending in ("", "ه")
)
ORDINALS_AFTER: tuple[str, ...] = ()
# Words around a written number that make it approximate ("بضعة عشر", "نيف وعشرون",
# "ثلاثون ونيف"): no exact value is read from it, since an estimate that differs from an
# exact figure is no contradiction. Plurals of approximation (عشرات، مئات، آلاف on their
# own) are no number words at all.
APPROXIMATE_BEFORE = ("بضع", "بضعه", "نيف")
APPROXIMATE_AFTER = ("ونيف", "ونيفا")
SCALES: dict[str, int] = {
    "الف": 1_000,
    "الاف": 1_000,
    "الوف": 1_000,
    "الفا": 1_000,
    "مليون": 1_000_000,
    "ملايين": 1_000_000,
    "مليونا": 1_000_000,
    "مليار": 1_000_000_000,
    "مليارات": 1_000_000_000,
    "مليارا": 1_000_000_000,
    "بليون": 1_000_000_000,
    "بلايين": 1_000_000_000,
    "ترليون": 10**12,
    "تريليون": 10**12,
}
# Scales written as abbreviations, read only glued to an amount after a currency sign.
ABBREVIATED_SCALES: frozenset[str] = frozenset()
# Scale words that also stand alone as a quantity ("مليون دولار", "ألف شخص").
STANDALONE_SCALES = ("الف", "مليون", "مليار")

# Currency word -> (default code, {qualifier: code}).
CURRENCIES: dict[str, tuple[str, dict[str, str]]] = {
    "دولار": ("USD", {"كندي": "CAD", "استرالي": "AUD"}),
    "يورو": ("EUR", {}),
    "جنيه": ("EGP", {"استرليني": "GBP", "سوداني": "SDG"}),
    "ريال": ("SAR", {"قطري": "QAR", "عماني": "OMR", "يمني": "YER", "ايراني": "IRR"}),
    "درهم": ("AED", {"مغربي": "MAD"}),
    "دينار": (
        "DINAR",
        {
            "كويتي": "KWD",
            "اردني": "JOD",
            "بحريني": "BHD",
            "عراقي": "IQD",
            "ليبي": "LYD",
            "تونسي": "TND",
            "جزائري": "DZD",
        },
    ),
    "ليره": ("LIRA", {"تركيه": "TRY", "لبنانيه": "LBP", "سوريه": "SYP"}),
    "روبل": ("RUB", {}),
    "يوان": ("CNY", {}),
    "شيكل": ("ILS", {}),
}
# Inflected forms of the currency words above -> base form.
CURRENCY_FORMS: dict[str, str] = {
    "دولارا": "دولار",
    "دولارات": "دولار",
    "جنيها": "جنيه",
    "جنيهات": "جنيه",
    "ريالا": "ريال",
    "ريالات": "ريال",
    "دراهم": "درهم",
    "دينارا": "دينار",
    "دنانير": "دينار",
    "ليرات": "ليره",
    "روبلات": "روبل",
}
# Currency signs and codes written before the amount -> code.
CURRENCY_SYMBOLS: dict[str, str] = {}
# Words for "percent" after a number: "في المئة", "بالمئة"; a space stands for any whitespace.
PERCENT_WORDS = tuple(f"{p}{n}" for p in ("في ", "بال") for n in ("المئه", "المائه", "مئه", "مائه"))

TIME_UNITS: dict[str, str] = {
    "عام": "year",
    "عاما": "year",
    "اعوام": "year",
    "سنه": "year",
    "سنوات": "year",
    "سنين": "year",
    "سنا": "year",
    "شهر": "month",
    "شهرا": "month",
    "اشهر": "month",
    "شهور": "month",
    "اسبوع": "week",
    "اسبوعا": "week",
    "اسابيع": "week",
    "يوم": "day",
    "يوما": "day",
    "ايام": "day",
    "ساعه": "hour",
    "ساعات": "hour",
    "عقد": "decade",
    "عقود": "decade",
}
# Duals of time units: the word alone means "two <unit>".
TIME_DUALS: dict[str, str] = {
    "عامين": "year",
    "عامان": "year",
    "سنتين": "year",
    "سنتان": "year",
    "شهرين": "month",
    "شهران": "month",
    "اسبوعين": "week",
    "اسبوعان": "week",
    "يومين": "day",
    "يومان": "day",
    "ساعتين": "hour",
    "ساعتان": "hour",
    "عقدين": "decade",
    "عقدان": "decade",
}
# Words that end in تين/تان without being duals (names, pronouns, borrowings).
NOT_DUALS = frozenset(
    "بوتين روتين بروتين ارجنتين الارجنتين اللتين اللتان لاتين كريستين قسطنطين".split()
)

# What a duration measures, when one of these words sits just before it: a prison term
# and time served must never be compared as one quantity.
DURATION_SUBJECTS: dict[str, str] = {
    "سجن": "سجن",
    "السجن": "سجن",
    "بالسجن": "سجن",
    "حبس": "سجن",
    "بالحبس": "سجن",
    "الحبس": "سجن",
    "قضي": "قضي",
    "يقضي": "قضي",
    "قضاها": "قضي",
    "امضي": "قضي",
    "يمضي": "قضي",
}
# Words between a quantity and what it measures that say nothing about it.
FILLERS = frozenset(
    """لمده مده اكثر اقل نحو حوالي قرابه زهاء منذ طوال خلال بقيمه قيمه مبلغ بمبلغ بنسبه نسبه
    يقارب يناهز تقريبا عدد بعدد عليه عليها له لها اي استنادا""".split()
)
# Proclitics peeled off a word before looking it up in a word list (بالسجن -> سجن), longest
# first; only when three letters remain.
PROCLITICS = ("وال", "بال", "ال", "و", "ف", "ب")

# Ages: words before the number ("البالغ 64 عامًا"; a space stands for any whitespace) ...
AGE_BEFORE = ("البالغ", "البالغه", "يبلغ", "تبلغ", "بلغ", "عمره", "عمرها", "عن عمر", "سن")
# ... "of age", which may follow them ("البالغ من العمر 64 عامًا") ...
AGE_OF = ("من العمر",)
# ... hedges between those words and the number ("البالغ نحو 64 عامًا") ...
AGE_HEDGES = ("نحو", "حوالي")
# ... words after the number ("64 عامًا من العمر") ...
AGE_AFTER = ("من العمر",)
# ... and the words that say age without naming the unit ("البالغ من العمر 57").
AGE_WITHOUT_UNIT = ("من العمر", "عمره", "عمرها")
# "Ago": a word before the time ("قبل 3 سنوات"), hedges after it ("قبل نحو 3 سنوات"), and
# words after the time; a space stands for any whitespace.
AGO_BEFORE = ("قبل",)
AGO_HEDGES = ("نحو", "حوالي", "قرابه", "زهاء", "اكثر من", "ما يقارب")
AGO_AFTER: tuple[str, ...] = ()

# --------------------------------------------------------------------------- facts

# Canonical negation value for inflected denials ("نفاه" -> "نفي").
NEGATION_FORMS: dict[str, str] = {
    **{word: word for word in NEGATIONS},
    "ليست": "ليس",
    "نفي": "نفي",
    "نفاه": "نفي",
    "نفته": "نفي",
    "نفوا": "نفي",
    "ينفي": "نفي",
    "تنفي": "نفي",
    "نفت": "نفي",
}
# Words after a negation that make it none: "لا سيما" (especially), "لا ان".
NEGATION_BLOCKERS = ("سيما", "ان")
# Negations glued to the end of a word ("didn't"), and their canonical value.
NEGATION_SUFFIXES: dict[str, str] = {}
DIRECTIONS: dict[str, str] = {
    **dict.fromkeys(
        """ارتفاع ارتفع ارتفعت يرتفع ترتفع زياده زاد زادت يزيد تزيد صعود صعد صعدت يصعد
        اعلي تضاعف""".split(),
        "up",
    ),
    **dict.fromkeys(
        """انخفاض انخفض انخفضت ينخفض تنخفض تراجع تراجعت يتراجع هبوط هبط هبطت يهبط ادني
        تقلص تقلصت""".split(),
        "down",
    ),
}
# Words after which an Arabic-script token is cheaply known to be a name.
NAME_INTRODUCERS = frozenset(
    """صواريخ صاروخ بنادق بندقيه طراز منظومه منظومات صحيفه وكاله شركه قناه مدينه بلده قريه
    ولايه الرئيس الوزير السيد الجنرال المدعو""".split()
)
# Capitalised words that start runs without being names.
NON_NAMES: frozenset[str] = frozenset()
# Words that join the capitalised words of one name ("Bank of England"); a trailing space is
# any whitespace, and a hyphen glues the word to the name.
NAME_JOINERS: tuple[str, ...] = ()

# --------------------------------------------------------------------------- attribution

# Verbs of saying that come before the source ("قال الكرملين إن ...").
SAY_BEFORE_SOURCE = (
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "افاد",
    "افادت",
    "اكد",
    "اكدت",
    "ذكر",
    "ذكرت",
    "اعلن",
    "اعلنت",
    "اضاف",
    "اضافت",
    "اوضح",
    "اوضحت",
    "صرح",
    "صرحت",
    "كشف",
    "كشفت",
    # "أشارت الهيئة إلى أن ...", "لفتت الوزارة إلى ...", and a figure's source: "حددت الوكالة
    # مركزه على عمق 8 كيلومترات".
    "اشار",
    "اشارت",
    "لفت",
    "لفتت",
    "حدد",
    "حددت",
    # Verbs of denying: the denier is a source too ("نفى الكرملين التقرير").
    "نفي",
    "نفت",
    "نفوا",
    "كذب",
    "كذبت",
)
# "كان"/"كانت" then the source, then a verb of saying: what it had said ("وكانت البلدية
# ذكرت في وقت سابق أن ...", "وكان الجيش قد أعلن أن ..."); a verb of estimating says so
# too in this form ("كانت السلطات الصحية قد قدرت ..."). Folded, without و / ف.
HAD_WORDS = ("كان", "كانت", "كانوا")
HAD_SAID_EXTRA = ("قدر", "قدرت", "قدروا")
# Verbs of estimating before their subject, a source when what it estimates follows its name
# ("قدّر الوزير الخسائر بأكثر من 2 مليار دولار", "وتقدر شركات التأمين خسائر الحريق بنحو 3
# مليارات"): with no such word after a name, the verb is passive ("تقدر الخسائر بنحو 3
# مليارات": the losses are put at) or is no verb ("قدر كبير من الدمار"). Folded.
ESTIMATE_BEFORE_SOURCE = ("قدر", "قدرت", "قدروا", "يقدر", "تقدر", "يقدرون")
ESTIMATED_OBJECTS = frozenset(
    """الخسائر خسائر الاضرار اضرار حجم قيمه كلفه تكلفه الكلفه التكلفه عدد اعداد الحصيله
    حصيله""".split()
)
# Words that open a clause whose subject comes before its verb of saying, a contrast: "بينما
# الوزارة أشارت إلى أن ...", "في حين المنظمة قالت إن ...". Folded.
SUBJECT_FIRST_OPENERS = ("بينما", "فيما", "في حين")
# What follows that verb, so that the words before it are its subject: "إن", "أن", "إلى أن".
SUBJECT_FIRST_THAT = ("ان", "انه", "انها", "بان", "الي ان")
# Words that open what a verb of saying says ("قال المسؤول إن السفينة جنحت ..."): a date after
# one belongs to the content, a date before one to the statement (relate.rules). Folded.
STATEMENT_CONTENT_OPENERS = ("ان", "انه", "انها", "بان", "بانه")
# ... that come after it ("the Kremlin said"), and that introduce it only before a quote.
SAY_AFTER_SOURCE: tuple[str, ...] = ()
STATE_AFTER_SOURCE: tuple[str, ...] = ()
PASSIVE_BEFORE_SAY: frozenset[str] = frozenset()
SAY_BEFORE_QUOTE: tuple[str, ...] = ()
SAY_AFTER_QUOTE: tuple[str, ...] = ()
DESCRIBE_AFTER_SOURCE: tuple[str, ...] = ()
# Phrases followed by the source ("نقلا عن رويترز", "في حصيلة صادرة عن الوزارة": issued by);
# a space stands for any whitespace.
ACCORDING_TO = ("نقلا عن", "صادر عن", "صادره عن", "الصادر عن", "الصادره عن")
# Words that end the name of a source: "قال الكرملين إن ...", "قال الكرملين يوم الاثنين";
# the medium it spoke through ("عبر", "قال عبود لوكالة فرانس برس": whom it told); what the
# source said in ("نشرت تقريرا قالت فيه"; "قد" before its verb), since when ("منذ قليل"),
# whose body it is ("مكتب الإغاثة التابع للبلدية"); a verb after it ("ووفق الوكالة الرسمية
# قام الرئيسان"); what a denial denies ("نفت الشركة أي علاقة": "أي", any); when it
# spoke ("وأضاف الوزير خلال مؤتمر صحفي": "خلال", during).
SOURCE_STOPS = frozenset(
    """ان انه انها انهم انهما اننا انني بان بانه بانها بانهم فان وان عن علي في الي من امس
    اليوم يوم الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد قوله لدي ل صباح صباحا مساء
    فجر ظهر الليله عبر لوكاله لصحيفه لقناه لموقع لتلفزيون للتلفزيون لاذاعه للاذاعه لشبكه
    لوسائل للصحفيين للصحافيين فيه فيها منذ التابع التابعه التابعين التابعتين قام قامت يعد
    تعد قد اي خلال""".split()
)
# After "حسب", "وفق": "ما" and a verb come before the source ("وفق ما أفاد الجيش", "بحسب ما
# أكدت الوزارة").
SOURCE_WHAT = frozenset({"ما"})
# Titles whose "of" belongs to the source's name (see en.py): an Arabic title takes its
# complement without one ("رئيس بلدية درنة").
SOURCE_TITLES: frozenset[str] = frozenset()
# A pronoun is no source worth naming.
PRONOUNS = frozenset("هو هي هم".split())
# A source that names none but the one quoted before it ("وفق المصدر ذاته"): the article's
# last named source (attribution.source_referred).
SAME_SOURCE = frozenset(
    {
        "المصدر ذاته",
        "المصدر نفسه",
        "نفس المصدر",
        "ذات المصدر",
        "المصادر ذاتها",
        "المصادر نفسها",
        "نفس المصادر",
        "المسؤول ذاته",
        "المسؤول نفسه",
    }
)
# How a name is made definite: a prefix of its first word ("الهيئة" is the "هيئة ..." named
# before it) ...
DEFINITE_PREFIXES = ("ال",)
# ... or a word before it (see en.py).
DEFINITE_WORDS: frozenset[str] = frozenset()
# Relative pronouns: a source's name ends at one ("قال المسؤول الذي فضل عدم ذكر هويته": the
# official), and commas that open with one hold a clause, not a name.
RELATIVE_PRONOUNS = frozenset("الذي التي الذين اللذان اللتان اللذين اللتين اللواتي اللاتي".split())
ANONYMITY_CLAUSES: tuple[str, ...] = ()  # after the source's name: ANONYMITY_VERBS
# A source kept anonymous: a verb of asking or refusing (or a word of condition), then what
# it withheld ("مسؤول رفض ذكر هويته", "موظف فضل عدم ذكر اسمه", "المسؤول شرط عدم ذكر
# اسمه", "مفضلا عدم ذكر اسمه"); the name ends before the verb. The verb alone
# does not end it ("فضل" is also a name).
ANONYMITY_VERBS = frozenset(
    """طلب طلبت طلبا طلبوا رفض رفضت رفضا رفضوا فضل فضلت فضلا فضلوا اشترط اشترطت اشترطا
    اشترطوا شرط بشرط مشترطا مفضلا طالبا رافضا بدون دون""".split()
)
ANONYMITY_WITHHELD = frozenset("عدم الكشف ذكر نشر الافصاح".split())
# Words of a source that only say what kind of place the next word names: "رئيس بلدية مدينة
# درنة" is "رئيس بلدية درنة".
SOURCE_PLACE_NOUNS = frozenset("مدينه بلده قريه".split())
# A head of a body speaks for it: "وزير الصحة" is "وزارة الصحة" as a source (the minister
# and the ministry of one portfolio are one voice; two portfolios stay two).
SOURCE_BODY_OF_HEAD = {"وزير": "وزاره", "الوزير": "الوزاره", "وزيره": "وزاره"}
# A ministry named by its portfolio alone ("وزارة الداخلية", no country), the word of ministry
# first: the story's own country's, whose English name ("the interior ministry", "the
# country's interior ministry") is the same source (attribution.same_source). Portfolio ->
# a key shared by every language.
MINISTRY_WORDS = frozenset({"وزاره"})
# Words that leave a ministry unplaced (see en.py: "the country's").
OWN_COUNTRY_WORDS: frozenset[str] = frozenset()
# The ending that makes an adjective feminine, folded (ة -> ه): "اللبناني" of a minister is
# "اللبنانية" of a ministry.
FEMININE_ENDINGS = ("ه",)
# The sound feminine plural, folded: "لجنة التحقيقات" is "لجنة التحقيق" (one body in two
# wordings; with or without the article too, "لجنة تحقيقات وطنية").
NAME_PLURAL_ENDINGS = ("ات",)
PORTFOLIOS = {
    "الداخليه": "interior",
    "الصحه": "health",
    "الدفاع": "defence",
    "الخارجيه": "foreign",
    "العدل": "justice",
    "الماليه": "finance",
    "النقل": "transport",
}
# Words that, after a source's first word, start the object of a verb of denying or saying
# rather than the source's name: "نفى الكرملين التقرير", "نفت الوزارة صحة الخبر" (first, they
# may be the source: "ذكر التقرير أن") ...
SOURCE_OBJECTS = frozenset(
    """التقرير تقرير التقارير تقارير الخبر الانباء الاخبار المعلومات الاتهامات اتهامات
    المزاعم مزاعم صحه وجود وقوع ما قيام عدد مركزه موعد""".split()
)
# ... and the verbal nouns a verb of announcing takes for what happened ("أعلنت الوزارة مقتل 3
# آلاف", "أعلنت منظمة الهجرة نزوح 36 ألفا", "أعلن الهلال الأحمر انتشال 700 جثة", "أعلنت
# الوزارة استشهاد 8 أشخاص", "وأوضح سقوط عشرات القتلى", "أعلن النادي تعاقده مع"), and "لفتت
# انتباه" (caught the attention), which end a source's name anywhere: right after the verb
# they leave its subject unnamed ("وأعلن مقتل 30 شخصا").
EVENT_OBJECTS = frozenset(
    """مقتل وفاه نزوح تشريد اصابه انتشال فقدان ارتفاع انخفاض تسجيل اجلاء العثور
    سقوط استشهاد تعاقد التعاقد ضم توقيع التوقيع انتقال رحيل فسخ انتباه الانتباه انظار
    الانظار""".split()
)
# What a figure rests on, not who gives it: "حسب التقديرات الأولية", "بحسب آخر حصيلة
# رسمية" name no source (the speaker quoted before goes on speaking).
NON_SOURCES = frozenset(
    """التقديرات تقديرات الاحصاءات احصاءات الاحصائيات احصائيات الارقام ارقام المعطيات معطيات
    الحسابات حسابات الحصيله حصيله اخر""".split()
)
# ... unless a verb says who gave it: "بحسب آخر حصيلة أوردها الهلال الأحمر" is the Red
# Crescent.
GIVEN_BY = frozenset(
    """اوردها اورده اوردتها نقلتها نقلها اعلنتها اعلنها ذكرتها ذكرها نشرتها نشرها اصدرتها
    اصدرها""".split()
)
SOURCE_DOCUMENTS: frozenset[str] = frozenset()
SOURCE_DOCUMENT_LINKS: frozenset[str] = frozenset()
SOURCE_PREPOSITIONS: frozenset[str] = frozenset()
# "و" and "ف" are clitics, not words; a preposition with a pronoun between a verb and its
# subject ("وفقا لما أعلنت عنه الوزارة", "أدلى بها الوزير") is no part of the source.
SOURCE_LEADING_JOINERS = frozenset("عنه عنها عنهم به بها".split())
SOURCE_NEAR: frozenset[str] = frozenset()
SOURCE_PLACE_LINKS: frozenset[str] = frozenset()
# Parts of a name that need the word after them: a name cut at four words does not end with
# one ("رئيس بلدية تلبارة عبد الله الحداد" is "رئيس بلدية تلبارة", not "... عبد").
NAME_PARTICLES = frozenset("عبد ابو ابن بن بنت ال دا".split())
# Pronoun suffixes a verbal noun of EVENT_OBJECTS may carry ("أعلن النادي تعاقده مع").
OBJECT_SUFFIXES = ("هما", "هم", "ها", "ه")
# A noun that owns by a pronoun suffix ("مركزها", "قوتهم") right after a noun with the article
# is the verb's object, not more of the source's name: a definite noun heads no construct
# ("حددت الهيئة مركزها" is the authority; "وزير خارجيتها" has no article), and an adjective
# takes no such suffix. Not "ه" alone, which a folded "ة" ends with too; and not behind a
# preposition, which keeps the word in the name ("المتحدث باسمها").
OWNED_SUFFIXES = ("هما", "هم", "هن", "ها")
OWNED_KEEPING_CLITICS = ("ب", "ل", "ال")
# Media named by what follows them: without the article ("صحيفة", not "الصحيفة") such a noun
# is the first word of a name, and the next word is the rest of it even where it would end a
# name ("أكدت صحيفة اليوم السعودية" is the daily Al Yaum; "قالت الصحيفة اليوم إن", today;
# "وكالة الأنباء الليبية" is an agency, "نفت الوزارة الأنباء" a denial).
MEDIUM_HEADS = frozenset("صحيفه جريده مجله وكاله قناه اذاعه شبكه موقع".split())
# Words that say when or how a source spoke, not who it is: "وقالت الوزارة لاحقا إن" is the
# ministry, "وقال أيضا وزير الصحة" the minister of health.
SOURCE_ADVERBS = frozenset(
    """ايضا كذلك لاحقا سابقا مجددا مؤخرا اخيرا رسميا مرارا بدوره بدورها بدورهم بدورهما""".split()
)
# The verb's pronoun complement before its source ("ذلك ما صرح به مسؤول": what a source
# said of it): skipped, the source follows.
SAID_OF = frozenset("به بها".split())
# Verbs that open a sentence continuing the quote of the last named speaker ("وأضاف أن ...",
# "وتابع:", "وتحدث عن": he spoke of): with no source of its own, the sentence speaks for that
# speaker.
QUOTE_CONTINUERS = tuple(
    """قال قالت اضاف اضافت تابع تابعت اوضح اوضحت اشار اشارت لفت لفتت شدد شددت اكد اكدت
    ذكر ذكرت استدرك استدركت مضي مضت اعتبر اعتبرت بين بينت نوه نوهت زعم زعمت اعرب اعربت
    كشف كشفت تحدث تحدثت""".split()
)
# ... and verbs that do so after a pronoun ("..., he added"): an English word order.
QUOTE_CONTINUERS_AFTER_PRONOUN: tuple[str, ...] = ()
# Names of one actor (folded) -> one key shared by every language: two claims quoting
# "أنصار الله" and "الحوثيين" quote one source, and one name swapped for the other is no
# substitution. Curated by hand and kept small: only names that stand for the same group in
# every context. A capital and its government (الكرملين / موسكو) are no aliases: see
# RELATED_ACTORS.
ACTOR_ALIASES: dict[str, str] = {
    **dict.fromkeys(
        (
            "الحوثيين",
            "الحوثيون",
            "الحوثي",
            "جماعه الحوثي",
            "جماعه الحوثيين",
            "ميليشيا الحوثي",
            "مليشيا الحوثي",
            "ميليشيات الحوثي",
            "انصار الله",
            "جماعه انصار الله",
            "حركه انصار الله",
        ),
        "houthis",
    ),
    **dict.fromkeys(("حزب الله",), "hezbollah"),
    **dict.fromkeys(("حماس", "حركه حماس"), "hamas"),
    **dict.fromkeys(
        ("داعش", "تنظيم داعش", "تنظيم الدوله", "تنظيم الدوله الاسلاميه"), "islamic-state"
    ),
    **dict.fromkeys(("الامم المتحده", "منظمه الامم المتحده"), "united-nations"),
    **dict.fromkeys(("وول ستريت جورنال", "صحيفه وول ستريت جورنال"), "wall-street-journal"),
    # The agencies and bodies whose figures world news quotes most, under the names Arabic
    # outlets give them: "هيئة المسح الجيولوجي الأميركية" is the "US Geological Survey" of
    # an English page. A source is read to SOURCE_MAX_WORDS words, so a long name is listed
    # by the words that are read of it ("المركز الألماني لأبحاث علوم [الأرض]"). A name that
    # a national body may share ("الصليب الأحمر", "وزارة الصحة") is no alias.
    **dict.fromkeys(
        (
            "هيئه المسح الجيولوجي الامريكيه",
            "هيئه المسح الجيولوجي الاميركيه",
            "هيئه المسح الجيولوجي الامريكي",
            "هيئه المسح الجيولوجي الاميركي",
            "الهيئه الامريكيه للمسح الجيولوجي",
            "المعهد الامريكي للمسح الجيولوجي",
            "المعهد الاميركي للمسح الجيولوجي",
            "المركز الامريكي للمسح الجيولوجي",
            "المركز الاميركي للمسح الجيولوجي",
            "مركز رصد الزلازل الامريكي",
            "مركز رصد الزلازل الاميركي",
            "المركز الامريكي لرصد الزلازل",
            "المركز الاميركي لرصد الزلازل",
        ),
        "us-geological-survey",
    ),
    **dict.fromkeys(
        (
            "مركز رصد الزلازل الاورومتوسطي",
            "المركز الاورومتوسطي لرصد الزلازل",
            "المركز الاوروبي المتوسطي لرصد",
        ),
        "emsc",
    ),
    **dict.fromkeys(
        (
            "المركز الالماني لابحاث علوم",
            "المركز الالماني لعلوم الارض",
            "مركز الابحاث الالماني لعلوم",
        ),
        "gfz",
    ),
    **dict.fromkeys(("منظمه الصحه العالميه",), "world-health-organization"),
    **dict.fromkeys(
        (
            "مكتب الامم المتحده لتنسيق",
            "مكتب الامم المتحده للشؤون",
            "مكتب تنسيق الشؤون الانسانيه",
            "مكتب الشؤون الانسانيه التابع",
            "اوتشا",
        ),
        "un-ocha",
    ),
    **dict.fromkeys(("المنظمه الدوليه للهجره", "منظمه الهجره الدوليه"), "iom"),
    **dict.fromkeys(("منظمه الامم المتحده للطفوله", "اليونيسف", "يونيسف"), "unicef"),
    **dict.fromkeys(
        ("المفوضيه الساميه للامم المتحده", "مفوضيه الامم المتحده لشؤون", "مفوضيه اللاجئين"),
        "unhcr",
    ),
    **dict.fromkeys(("برنامج الاغذيه العالمي",), "wfp"),
    **dict.fromkeys(("اللجنه الدوليه للصليب الاحمر",), "icrc"),
    **dict.fromkeys(("الاتحاد الدولي لجمعيات الصليب", "الاتحاد الدولي للصليب الاحمر"), "ifrc"),
    **dict.fromkeys(
        ("وكاله فرانس برس", "فرانس برس", "وكاله الصحافه الفرنسيه", "وكاله الانباء الفرنسيه"),
        "afp",
    ),
    **dict.fromkeys(("وكاله رويترز", "رويترز"), "reuters"),
    # A country's state television, as a story's outlets name it without the country.
    **dict.fromkeys(("التلفزيون الرسمي", "التلفزيون الحكومي"), "state-television"),
    **dict.fromkeys(
        (
            "وكاله اسوشيتد برس",
            "وكاله الاسوشيتد برس",
            "وكاله الاسوشيتدبرس",
            "اسوشيتد برس",
            "الاسوشيتد برس",
            "اسوشيتدبرس",
            "الاسوشيتدبرس",
        ),
        "associated-press",
    ),
}

# --------------------------------------------------------------------------- segment

# Abbreviations whose full stop ends no sentence (lowercase, without their last dot; raw
# text, not folded).
ABBREVIATIONS = frozenset("م.م ق.م".split())
# Words that open a clause after a comma ("، حيث ..."); a space stands for one space.
CLAUSE_OPENERS = ("حيث", "بينما", "في حين")
# Words that open a clause without a comma before them ("... كما ...").
CLAUSE_OPENERS_NO_COMMA = ("كما", "وقد", "ولكن", "لكن")
# None in Arabic (see en.py): an indefinite noun takes no relative pronoun ("مع هزة استمرت").
CLAUSE_OPENERS_BEFORE_RELATIVE: tuple[str, ...] = ()
CLAUSE_RELATIVES: tuple[str, ...] = ()
# A second verb of saying that opens a second statement of the same speaker (see en.py). None
# in Arabic: a long sentence is already cut at "، وأضاف" (a comma and و), and in a short one
# the cut parted what the corpus annotates as one statement (a club's post, «نيمار هلالي»،
# وأضاف بالبرتغالية «...»).
SECOND_STATEMENT_OPENERS: tuple[str, ...] = ()
# A sentence that opens with these and names only its source ("وفق ما ذكرت الوكالة الرسمية.")
# is the end of the sentence before it (folded text: no tanween, bare alef).
SOURCE_TAIL_OPENERS = ("وفق", "وفقا", "ووفق", "ووفقا", "حسب", "بحسب", "وحسب", "وبحسب", "نقلا عن")

# --------------------------------------------------------------------------- clean
# Matched on folded lines.

# A short line starting with one of these phrases (whole words) is a furniture prompt, even
# one that ends like a sentence ("تابعونا على فيسبوك.").
FURNITURE_PREFIXES = (
    "اقرا المزيد",
    "اقرا ايضا",
    "اقرا كذلك",
    "تابعونا",
    "تابعنا",
    "تابعوا",
    "ذات صله",
    "مواضيع ذات",
    "اخبار ذات",
    "قد يهمك",
    "قد يعجبك",
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "شاهد ايضا",
    "انظر ايضا",
    "رابط مختصر",
    "الرابط المختصر",
    "تحميل التطبيق",
    "حمل التطبيق",
    "حمل تطبيق",
    "شارك علي",
    "شارك عبر",
    "شارك الخبر",
    "شارك المقال",
    "مشاركه علي",
    "مشاركه عبر",
    "انشر علي",
    "نسخ الرابط",
    "تم النسخ",
    "تم نسخ الرابط",
    "اضغط هنا",
    "انقر هنا",
)
# Words that label furniture but also open real sentences ("شارك" is also "took part",
# "إعلان" "the announcement of", "المزيد من" "more"): a short line starting with one is
# furniture only when it does not read as a sentence.
FURNITURE_WORDS = (
    "الرئيسيه",
    "شارك",
    "مشاركه",
    "طباعه",
    "اعلان",
    "اعلانات",
    "اشترك",
    "المزيد",
    "استمع",
    "تعليق",
    "تعليقات",
    "التعليقات",
    "نسخ",
    "فيسبوك",
    "تويتر",
    "واتساب",
)
# Notices of the site itself (JavaScript, cookies, newsletters, ad blockers), matched anywhere
# in a sentence: no news sentence speaks in the site's voice.
NOTICE_PHRASES = (
    *(
        f"{verb} {script}"
        for verb in ("تفعيل", "تمكين", "تشغيل")
        for script in ("الجافاسكريبت", "جافاسكريبت", "الجافا سكريبت", "جافا سكريبت", "javascript")
    ),
    "ملفات تعريف الارتباط",
    "ملفات الكوكيز",
    "يستخدم هذا الموقع",
    "يستخدم موقعنا",
    "متصفحك لا يدعم",
    "تحديث متصفحك",
    "مانع الاعلانات",
    "حاجب الاعلانات",
    "نشرتنا البريديه",
    "النشره البريديه",
    "نشرتنا الاخباريه",
    "بريدك الالكتروني",
    "تخطي الي المحتوي",
    "انتقل الي المحتوي",
    # The site's channels: "اشترك مجانا بقناة الموقع على يوتيوب".
    "اشترك مجانا",
    "اشتركوا مجانا",
    "اشترك في قناتنا",
    "اشتركوا في قناتنا",
)
# Counters: a line of numbers and these words only ("0 تعليق", "عدد المشاهدات: 1234",
# "5 دقائق للقراءة").
COUNTER_WORDS = (
    "تعليق",
    "تعليقات",
    "التعليقات",
    "مشاهده",
    "مشاهدات",
    "المشاهدات",
    "مشاركه",
    "مشاركات",
    "المشاركات",
    "اعجاب",
    "زياره",
    "زيارات",
    "قراءه",
    "القراءه",
    "للقراءه",
    "قراءات",
    "دقيقه",
    "دقائق",
    "دقيقتان",
    "دقيقتين",
    "عدد",
    "وقت",
    "مده",
)
# Headings (the whole line, an optional colon after) that open a block of related headlines.
RELATED_HEADINGS = (
    "اخبار ذات علاقه",
    "اخبار ذات صله",
    "مواضيع ذات علاقه",
    "مواضيع ذات صله",
    "مقالات ذات صله",
    "اقرا ايضا",
    "اقرا كذلك",
    "شاهد ايضا",
    "قد يهمك",
    "قد يعجبك",
    "ذات صله",
)
# Markers that open a related headline inside a line, colon or not ("قال الوزير.اقرأ أيضا:
# ..."); the headings above do so only with a colon after them ("ذات صلة" is also plain
# prose: "أمور ذات صلة").
RELATED_MARKERS = (
    "اقرا ايضا",
    "اقرا كذلك",
    "اقرا المزيد",
    "اقرا اكثر",
    "شاهد ايضا",
    "شاهد كذلك",
    "انظر ايضا",
    "طالع ايضا",
    "طالع كذلك",
)
# Copyright notices: phrases anywhere in a line, and words that start one.
RIGHTS_RESERVED = ("جميع الحقوق محفوظه",)
COPYRIGHT_WORDS: tuple[str, ...] = ()
# Words removed from a copyright line before reading the company's name from it (raw
# spelling, not folded: the line is read as written).
COMPANY_NOISE = ("جميع الحقوق محفوظة", "شركة", "ش.م.م", "ذ.م.م")
# Photo captions: labels followed by a colon, anywhere in the line ("المصدر: ...") ...
CAPTION_LABELS = ("المصدر", "الصوره", "صوره", "تصوير")
# ... words followed by a colon as whole words, optionally plural or with "credit" after ...
CAPTION_CREDIT_WORDS: tuple[str, ...] = ()
# ... and phrases anywhere in the line.
CAPTION_PHRASES = ("مصدر الصوره", "صوره ارشيفيه", "(ارشيفيه)")
# Credits that close a photo caption, in brackets or after a dash or slash ("... (رويترز)",
# "... (أ ف ب)", "... (تصوير: فلان)"): news agencies, archive and photo words.
CAPTION_CREDITS = (
    "رويترز",
    "ا ف ب",
    "ا.ف.ب",
    "اف ب",
    "فرانس برس",
    "الفرنسيه",
    "ا ب",
    "ا.ب",
    "اسوشيتد برس",
    "الاناضول",
    "د ب ا",
    "د.ب.ا",
    "شينخوا",
    "وام",
    "واس",
    "كونا",
    "سانا",
    "و.م.ع",
    "غيتي",
    "جيتي",
    "غيتي ايميجز",
    "ارشيفيه",
    "ارشيف",
    "صوره ارشيفيه",
    "صوره",
    "الصوره",
    "تصوير",
    "مواقع التواصل",
    "وسائل التواصل",
)
# Words that start a byline ("بقلم فلان").
BYLINE_WORDS = ("بقلم", "كتب", "كتبت", "اعداد", "تحرير")
# Words that start a dateline ("تاريخ النشر: ...").
DATELINE_WORDS = ("نشر", "تاريخ النشر", "اخر تحديث", "تحديث", "محدث")
# Words a time stamp is made of, besides numbers, month and weekday names and the words above
# ("الثلاثاء 12 سبتمبر 2023 - 10:05 ص بتوقيت مكة المكرمة") ...
TIMESTAMP_WORDS = tuple(
    """يوم في الساعه ساعه ساعات ساعتين
    دقيقه دقائق دقيقتين ثانيه ثوان يومين ايام اسبوع اسبوعين اسابيع ص م صباحا مساء ظهرا
    بتوقيت غرينتش جرينتش مكه المكرمه الموافق ه هجري ميلادي اخر تاريخ النشر""".split()
)
# ... and the words that make it a time ago ("منذ 3 ساعات").
TIMESTAMP_AGO = ("منذ", "قبل")

# --------------------------------------------------------------------------- align

# Words that never make two claims match: words of saying and sourcing say who speaks, not
# what happened (the relate stage compares attribution), and function words, modals and
# connectors of news prose carry no fact.
MATCH_STOPWORDS = frozenset(
    """قال قالت يقول تقول اضاف اضافت اوضح اوضحت اشار اشارت اكد اكدت ذكر ذكرت كشف كشفت افاد
    افادت لفت نقل نقلت نقلا وفق وفقا بحسب حسب صحيفه الصحيفه تقرير التقرير تقارير التقارير
    مصدر مصادر اليوم امس انه انها ان يمكن قد وهو وهي ما مما بما بشان حول خلال ضد الا اذا
    لكن لكنه ولكن ايضا اخري اخر الذي التي الذين اللذين هذه هذا تلك ذلك عليه عليها اليه
    اليهم منذ عبر حيث بينما اكثر اقل كبير كبيرا يتم تم عن الي علي في من مع""".split()
)

# --------------------------------------------------------------------------- relate

# Negations beyond NEGATIONS that the relate stage counts: verbs of denial and refusal,
# "without".
EXTRA_NEGATIONS = frozenset("نفي ينفي تنفي نفت نفوا ينفون يرفض ترفض رفض رفضت دون بدون".split())
# One-letter clitics a negation may carry in front: بغير، وليس، ولم، لعدم.
NEGATION_CLITICS = ("و", "ف", "ب", "ل")
# Negations the tokenizer splits in two, as "word word" (English contractions).
NEGATION_CONTRACTIONS: frozenset[str] = frozenset()

# Negations of the one word after them: "غير معتاد" (unusual) negates "معتاد" only.
WORD_NEGATIONS = ("غير", "دون", "بدون")
# Negations that say what a thing is not ("نوتيلوس غواصة سياحية وليست غواصة عسكرية"): the word
# after them names another thing, which the claim does not speak of. A claim that says "the
# Nautilus is not a submarine, it needs a mother ship" negates nothing of "a submarine needs
# none" (relate/polarity.py).
IDENTITY_NEGATIONS = ("ليس", "ليست", "ليسوا")
# Polarity (relate/polarity.py). Words and phrases that negate what follows them without a
# negation word of their own (the verb alone where its subject may come between: "امتنعت
# الحكومة عن رفع ..."), or whose negation word must count once ("لا تصل إلى حد بيع"): one
# space is one space of folded text; a clitic و/ف may come in front. "عجز" only with عن:
# alone it is also a deficit; "فشل" only with في: "فشل المحادثات" is a noun phrase.
NEGATING_PHRASES = (
    "دون ان",
    "من دون ان",
    "امتنع",
    "امتنعت",
    "يمتنع",
    "تمتنع",
    "امتنعوا",
    "الامتناع",
    "لم يصل الي حد",
    "لم تصل الي حد",
    "لا يصل الي حد",
    "لا تصل الي حد",
    "لن يصل الي حد",
    "لن تصل الي حد",
    "فشل في",
    "فشلت في",
    "يفشل في",
    "تفشل في",
    "فشلوا في",
    "الفشل في",
    "اخفق",
    "اخفقت",
    "يخفق",
    "الاخفاق",
    "عجز عن",
    "عجزت عن",
    "يعجز عن",
    "استبعد",
    "استبعدت",
    "يستبعد",
    "تستبعد",
    "استثني",
    "استثنت",
    "يستثني",
    "تستثني",
)
# Negation words that negate nothing in these phrases ("لا تزال": still).
NOT_NEGATIONS = (
    "لا يزال",
    "لا تزال",
    "لا يزالون",
    "لا زال",
    "لا زالت",
    "لا سيما",
    "غير ان",
)
# Words that deny a report or a claim: a claim holding one (not itself negated: "لم ينف")
# denies what it speaks of, whatever else it negates, and two denials agree.
DENIAL_WORDS = frozenset(
    """نفي نفت نفوا ينفي تنفي ينفون نفاه نفته نفتها نفاها كذب كذبت يكذب تكذب تكذيب دحض
    دحضت يدحض تدحض""".split()
)
# Words of conceding a few tokens before a word of denying ("رغم نفي الشركة أي علاقة"):
# the denial is another party's, conceded beside what the claim says, not the claim's own.
# Normalised, "بالرغم" and "على الرغم" included.
CONCESSIVE_WORDS = frozenset("رغم الرغم برغم بالرغم".split())
# Words that point back before a word of denying ("هذا النفي يأتي بعد ..."): the denial is one
# told before, named as what the claim speaks of, not one the claim makes. Normalised.
POINTING_WORDS = frozenset("هذا هذه ذلك تلك".split())
# Verbs of wishing, seeking and trying ("تأمل السعودية في إقناعه", "تسعى الشركة إلى"): a claim
# that says one hopes for a thing says no more that it is so than that it is not, and a
# denial of it is no dispute with that claim (polarity). Normalised, with or without و/ف.
WISH_WORDS = frozenset(
    """تامل يامل نامل تسعي يسعي نسعي تحاول يحاول نحاول ترغب يرغب نرغب تطمح يطمح نطمح""".split()
)
# Verdicts that call a report false ("وصف التقرير بأنه مفبرك"), read as a denial when a
# word of DENIAL_CUES comes shortly before them: alone, "وثائق مزيفة" (forged documents)
# denies nothing.
DENIAL_VERDICTS = (
    "مزيف",
    "مزيفه",
    "مزيفا",
    "مفبرك",
    "مفبركه",
    "مفبركا",
    "ملفق",
    "ملفقه",
    "ملفقا",
    "كاذب",
    "كاذبه",
    "كاذبا",
    "اكاذيب",
    "عار عن الصحه",
    "عاريه عن الصحه",
    "عار من الصحه",
    "لا اساس له من الصحه",
    "لا اساس لها من الصحه",
    "لا اساس له",
    "لا اساس لها",
    "لا صحه له",
    "لا صحه لها",
    "غير صحيح",
    "غير صحيحه",
    "غير دقيق",
    "غير دقيقه",
    "غير مثبت",
    "غير مثبته",
)
# Verbs that deny when a word of reports (DENIAL_CUES) follows them closely ("كذّب التقارير",
# "فنّد الأنباء"): alone, "كذب" is also a lie.
DENIAL_BEFORE_CUES = ("كذب", "كذبت", "فند", "فندت", "يفند", "تفند")
# Phrases that tell of an answer to reports when a word of reports follows them closely ("كسر
# صمته بشأن التقارير", "ردّ الوكيل على الأنباء": the subject may stand between the verb and
# "على"): neither what the reports say nor a denial of it. Folded.
ANSWER_BEFORE_CUES = ("كسر صمته", "كسرت صمتها", "رد", "ردت", "يرد", "ترد", "علق", "علقت")
# Words of reports and of calling something so (folded, without their article or clitic):
# a verdict shortly after one of them is about a report. "نشره" (published it: "ما تم نشره
# ... أخبار مزيفة") speaks of a report; a bare "نشر أخبار كاذبة" is a charge.
# Verbs of publishing a report ("المعلومات التي نشرتها الوكالة"): with DENIAL_CUES, what
# tells a name near them as the report's source (attribution.names_source). Normalised.
PUBLISHING_WORDS = frozenset("نشرت نشرتها نشر اوردت اوردته اوردتها بثت بثته بثتها".split())
DENIAL_CUES = frozenset(
    """تقرير تقارير خبر انباء اخبار معلومات روايه قصه ادعاءات مزاعم اتهامات وصف وصفت يصف
    تصف وصفه وصفها وصفته اعتبر اعتبرت يعتبر تعتبر تصنيف صنف صنفت نشره نشرته نشرها تداوله
    تداولته تناقلته""".split()
)
# Words that say who someone is, not what happens: a title, an office, a role in a team
# (whole words after a clitic or the article: "محافظة", a province, and "رئيسي", a name, are
# none; "أمير" and "أمين", names as often as titles, are left out). Two claims of one story
# that share only these beside its names (relate _weak_between_articles: "رئيس الهلال" /
# "رئيس باريس سان جيرمان") speak of two people of its cast, not of one thing.
ROLE_WORDS = frozenset(
    """رئيس رئيسه نائب وزير وزيره سفير محافظ عمده مدير مديره قائد متحدث متحدثه ناطق نجم نجمه
    لاعب مدرب مهاجم حارس مدافع""".split()
)
# Names that may stand for one another in a sentence (a capital for its government, the
# government for its country) -> a group key shared by every language: one swapped for the
# other is no substitution. Unlike ACTOR_ALIASES they stay different sources: the Kremlin
# speaks for the presidency, "Moscow" for anyone in it. Curated by hand, kept small.
RELATED_ACTORS: dict[str, str] = {
    **dict.fromkeys(("الكرملين", "موسكو", "روسيا"), "russia"),
    **dict.fromkeys(
        ("البيت الابيض", "واشنطن", "الولايات المتحده", "الاداره الامريكيه"), "united-states"
    ),
    **dict.fromkeys(("داونينغ ستريت", "لندن", "بريطانيا"), "united-kingdom"),
    **dict.fromkeys(("الاليزيه", "باريس", "فرنسا"), "france"),
    **dict.fromkeys(("بكين", "الصين"), "china"),
    **dict.fromkeys(("طهران", "ايران"), "iran"),
    **dict.fromkeys(("كييف", "اوكرانيا"), "ukraine"),
    **dict.fromkeys(("انقره", "تركيا"), "turkey"),
    **dict.fromkeys(("الرياض", "السعوديه"), "saudi-arabia"),
}
# Places and the places that contain them (folded; articles and clitics are ignored when
# comparing): a city and its region or country are no place mismatch. Curated by hand from
# the places of recent multi-outlet stories; kept small.
PLACE_CONTAINERS: dict[str, tuple[str, ...]] = {
    "درنه": ("ليبيا", "شرق ليبيا", "برقه", "الجبل الاخضر"),
    "بنغازي": ("ليبيا", "شرق ليبيا", "برقه"),
    "البيضاء": ("ليبيا", "شرق ليبيا", "الجبل الاخضر"),
    "طرابلس": ("ليبيا", "لبنان"),
    "مراكش": ("المغرب",),
    "الحوز": ("المغرب", "مراكش", "جهه مراكش اسفي"),
    "اغادير": ("المغرب",),
    "تارودانت": ("المغرب",),
    "شيشاوه": ("المغرب",),
    "ورزازات": ("المغرب",),
    "الرباط": ("المغرب",),
    "الدار البيضاء": ("المغرب",),
    "صنعاء": ("اليمن",),
    "عدن": ("اليمن",),
    "الحديده": ("اليمن",),
    "غزه": ("فلسطين", "قطاع غزه"),
    "رفح": ("فلسطين", "غزه", "قطاع غزه"),
    "خان يونس": ("فلسطين", "غزه", "قطاع غزه"),
    "بيروت": ("لبنان",),
    "دمشق": ("سوريا",),
    "حلب": ("سوريا",),
    "القاهره": ("مصر",),
    "جده": ("السعوديه",),
    "بغداد": ("العراق",),
    "الموصل": ("العراق",),
    "موسكو": ("روسيا",),
    "كييف": ("اوكرانيا",),
    "باريس": ("فرنسا",),
}
# Words that only say what kind of place a name is ("مدينة درنة"): left out when comparing.
PLACE_KINDS = frozenset("مدينه بلده قريه محافظه ولايه اقليم منطقه عاصمه دوله".split())
# Words right before a figure that hedge it (relate/quantities.py): "about", a lower bound
# ("min": more than, at least) or an upper bound ("max": less than). "ناهز" is left out:
# "عن عمر ناهز 85 عاما" gives an exact age.
QUANTITY_HEDGES: dict[str, str] = {
    **dict.fromkeys(("نحو", "حوالي", "قرابه", "زهاء", "ما يقارب", "يقارب", "تقريبا"), "about"),
    **dict.fromkeys(
        (
            "اكثر من",
            "ازيد من",
            "ما يزيد عن",
            "ما يزيد علي",
            "يزيد عن",
            "يزيد علي",
            "تزيد عن",
            "تزيد علي",
            "لا يقل عن",
            "لا تقل عن",
            "ما لا يقل عن",
            "علي الاقل",
        ),
        "min",
    ),
    **dict.fromkeys(
        (
            "اقل من",
            "ما يقل عن",
            "ما يصل الي",
            "لا يزيد عن",
            "لا يزيد علي",
            "لا تزيد عن",
            "لا تزيد علي",
            "ما لا يزيد عن",
            "ما لا يزيد علي",
        ),
        "max",
    ),
}
# Proclitics the first word of such a hedge may carry: "بنحو 3 مليارات", "بأكثر من مليار".
HEDGE_PROCLITICS = ("وب", "ب", "و", "ف")
# A figure after a word of change (DIRECTIONS) that carries "ب" (by), or whose hedge does,
# is how much a figure changed, not the figure: "وتزيد الحصيلة الجديدة بنحو 9 قتلى عن
# الحصيلة السابقة" is no toll of 9 (relate/quantities.py).
CHANGE_PROCLITICS = ("وب", "ب")
CHANGE_MARKERS = frozenset("بنحو بحوالي بقرابه باكثر باقل بما".split())
# A word of addition after a figure's noun: "58 حالة وفاة إضافية" counts what was added, not
# the toll (folded); "أو" first ends the figure's words ("2000 أو أكثر").
ADDITION_RIGHT_AFTER: frozenset[str] = frozenset()
ADDITION_AFTER_NOUN = frozenset("اضافيه اضافي اضافيا اضافيين اضافيون اخري اخرين".split())
ADDITION_STOPS = frozenset({"او"})
# A count of one country's nationals, beside the nationality right after the figure ("14
# أردنيا"): a phrase of its citizens after it ("144 حالة وفاة بين مواطنيها"), the country
# its clause names being theirs (relate/quantities.counts_nationals).
NATIONALS_AFTER = ("من مواطنيها", "بين مواطنيها", "من رعاياها", "بين رعاياها")
# A count of a part of a whole: a partitive phrase right before the figure (a hedge may
# stand between: "منهم أكثر من 320 مصريا") or right after it ("320 من بين الضحايا"). Such a
# count is no measure of a count that is none: "at least 90 of the dead were Jordanians"
# against "at least 600 deaths" (relate/quantities.is_part). Folded, without "و".
PART_BEFORE = (
    "منهم",
    "منهن",
    "منها",
    "من بينهم",
    "من بينهن",
    "من بينها",
    "بينهم",
    "بينهن",
    "بينها",
    # "من بين المصابين 75 في الشمال": the whole named before the part.
    "من بين الضحايا",
    "من بين القتلي",
    "من بين المتوفين",
    "من بين الوفيات",
    "من بين المصابين",
    "من بين الجرحي",
)
PART_AFTER = (  # not "منهم", "من بينهم": after a figure, they open the part that follows
    "من الضحايا",
    "من القتلي",
    "من المتوفين",
    "من الوفيات",
    "من بين الضحايا",
    "من بين القتلي",
    "من بين المتوفين",
    "من المصابين",
    "من الجرحي",
    "من بين المصابين",
    "من بين الجرحي",
    # "40 جريحا من إجمالي المصابين الـ90": of a total told beside it.
    "من اجمالي",
)
# One of a story's events told apart by a word that qualifies it (relate/quantities.
# event_told): "سلسلة جديدة من الانفجارات", "الموجة الأولى", "هجوم مماثل". A count of such
# an event is not the story's count: "3 قتلى في سلسلة جديدة" against "37 قتيلا". Folded,
# without the article; the qualifier stands right after its noun ("حصيلة سابقة للانفجار" is
# an earlier toll, no earlier blast).
EVENT_NOUNS = frozenset(
    """هجوم هجمات انفجار انفجارات تفجير تفجيرات موجه سلسله ضربه ضربات غاره غارات هزه هزات
    زلزال اعتداء""".split()
)
EVENT_QUALIFIERS: dict[str, str] = {
    **dict.fromkeys("جديد جديده جديدين".split(), "new"),
    **dict.fromkeys("اول اولي".split(), "1"),
    **dict.fromkeys("ثاني ثانيه".split(), "2"),
    **dict.fromkeys("ثالث ثالثه".split(), "3"),
    **dict.fromkeys("مماثل مماثله سابق سابقه اخر".split(), "other"),
}
# A count told of a place below a country (relate/quantities.count_place): a noun of such a
# place after the figure ("5200 قتيل في مدينة درنة", "في إقليم الحوز"), its name the next
# word when the noun has no article ("مدينة درنة"); with it ("في المدينة") the place is
# unnamed. Folded. Not "منطقة" (the whole region as often as one area) nor "حي" (alive).
COUNT_PLACE_NOUNS = frozenset("مدينه بلده قريه محافظه ولايه اقليم بلديه ضاحيه مخيم".split())
# ... and their plurals and duals, which place a count in several such places, none named.
COUNT_PLACE_PLURALS = frozenset(
    "مدن بلدات قري محافظات ولايات اقاليم مخيمات مدينتي بلدتي قريتي محافظتي".split()
)
# Words between a noun of place and its name ("the city of Derna"): none in Arabic, where the
# name follows the noun itself.
COUNT_PLACE_LINKS: frozenset[str] = frozenset()
# An article before a noun of place ("in the city"): Arabic writes it onto the noun.
COUNT_PLACE_ARTICLES: frozenset[str] = frozenset()
# Nouns of place whose name stands before them ("Al Haouz province"): none in Arabic.
COUNT_PLACE_NAME_BEFORE: frozenset[str] = frozenset()
# A count of the rest of a group ("the other two boats", relate/quantities.counts_rest): none
# here, "أخرى" after a figure's noun ("5 قوارب أخرى") being read as an addition
# (ADDITION_AFTER_NOUN), which sets it apart from the group's count just as well.
REST_BEFORE: tuple[str, ...] = ()
REST_AFTER: tuple[str, ...] = ()
# ... and right after it, or after the noun it counts ("60 ألف مشجع تقريبا").
QUANTITY_HEDGES_AFTER: dict[str, str] = {"تقريبا": "about", "علي الاقل": "min", "او اكثر": "min"}
# Words that make an amount a rate over a period ("إيرادات يومية تقدر بـ14 مليون دولار", "400
# مليون دولار كل ساعة"): two amounts over two periods are two quantities.
RATE_PERIODS: dict[str, str] = {
    **dict.fromkeys(("كل ساعه", "في الساعه", "بالساعه"), "hour"),
    **dict.fromkeys(("يوميا", "يوميه", "يومي", "في اليوم", "كل يوم"), "day"),
    **dict.fromkeys(("اسبوعيا", "اسبوعيه", "اسبوعي", "في الاسبوع", "كل اسبوع"), "week"),
    **dict.fromkeys(("شهريا", "شهريه", "شهري", "في الشهر", "كل شهر"), "month"),
    **dict.fromkeys(("سنويا", "سنويه", "سنوي", "في العام", "في السنه", "كل عام", "كل سنه"), "year"),
}
# Words shortly before a figure that make it a forecast, not a count: "قد يصل إلى",
# "يمكن أن يفوق", "من المتوقع أن يرتفع". Folded, without clitics. "قد" is a forecast only
# before an imperfect verb ("قد يصل"), never before a past one ("قد بلغ"): see
# PROJECTION_PARTICLES.
PROJECTION_WORDS = frozenset("يمكن يحتمل المتوقع متوقع يتوقع يرجح المرجح مرجح".split())
# ... and particles that do so only before an imperfect verb (its first letter here).
PROJECTION_PARTICLES: dict[str, str] = {"قد": "ي"}
# ... or before the feminine imperfect of a verb a figure follows ("الحصيلة قد تصل إلى 20 ألفا",
# "قد ترتفع"), listed: the past of many verbs starts with the same letter ("قد تجاوز", "قد
# تسبب": it has).
PROJECTION_PARTICLE_VERBS = frozenset(
    "تصل تبلغ ترتفع تزيد تتجاوز تتخطي تفوق تقفز تتضاعف تنخفض تتراجع تقل تناهز تقارب".split()
)
# A verb of expecting makes a forecast of a figure anywhere in the clause it governs, when its
# complement follows it: "أن" and an imperfect verb ("توقع ربيع في تصريحات لوسائل الإعلام أن
# تصل التعويضات إلى أكثر من مليار دولار"), however far the figure stands.
EXPECTATION_VERBS = frozenset(
    "توقع توقعت يتوقع تتوقع نتوقع اتوقع يتوقعون توقعوا رجح رجحت ترجح المحتمل محتمل".split()
)
# The complement's opener, and the first letters of the imperfect verb after it.
EXPECTATION_COMPLEMENT: dict[str, str] = {"ان": "يت"}
EXPECTATION_MODALS: frozenset[str] = frozenset()
# Phrases that set a count in other places than the story's ("170 قتيلا في مناطق أخرى من
# البلاد"): it counts something else than the main toll, whatever its value.
ELSEWHERE_PHRASES = (
    "مناطق اخري",
    "اماكن اخري",
    "مدن اخري",
    "انحاء اخري",
    "مناطق متفرقه",
    "خارج المدينه",
)
# Times of day (see en.py): the period after the hour ("11:11 مساء", "10 صباحا"), and the
# zones.
CLOCK_PERIODS: dict[str, str] = {
    **dict.fromkeys(("صباحا", "صباح", "فجرا", "فجر"), "am"),
    **dict.fromkeys(("ظهرا", "ظهر"), "noon"),
    **dict.fromkeys(("مساء", "مساءا", "عصرا", "عصر"), "pm"),
    "ليلا": "night",
}
# Parts of the day, before a weekday ("صباح الخميس", "مساء يوم الأحد") or after it ("الخميس
# صباحا"), as codes of dates.DAYPART_HOURS.
DAYPARTS: dict[str, str] = {
    **dict.fromkeys(("فجر", "فجرا"), "dawn"),
    **dict.fromkeys(("صباح", "صباحا"), "morning"),
    **dict.fromkeys(("ظهر", "ظهرا"), "noon"),
    **dict.fromkeys(("عصر", "عصرا"), "afternoon"),
    **dict.fromkeys(("مساء", "مساءا"), "evening"),
    **dict.fromkeys(("ليل", "ليله", "ليلا"), "night"),
}
# A word that may stand between a part of the day and its weekday ("مساء يوم الأحد").
DAYPART_LINKS = ("يوم",)
# Hours written as words, folded ("الحادية عشرة والنصف صباحا" is 11:30), with the fraction of
# an hour after them in minutes ("إلا ربعا": a quarter to). Read only with a period after
# them: "الثانية" alone is "the second".
CLOCK_HOURS: dict[str, int] = {
    "الواحده": 1,
    "الثانيه": 2,
    "الثالثه": 3,
    "الرابعه": 4,
    "الخامسه": 5,
    "السادسه": 6,
    "السابعه": 7,
    "الثامنه": 8,
    "التاسعه": 9,
    "العاشره": 10,
    "الحاديه عشره": 11,
    "الثانيه عشره": 12,
}
CLOCK_FRACTIONS: dict[str, int] = {
    "والنصف": 30,
    "والربع": 15,
    "والثلث": 20,
    **dict.fromkeys(("الا ربعا", "الا ربع"), -15),
    **dict.fromkeys(("الا ثلثا", "الا ثلث"), -20),
}
TIME_ZONES: dict[str, str] = {
    **dict.fromkeys(("بتوقيت غرينتش", "بتوقيت جرينتش", "بتوقيت غرينيتش", "ت غ"), "GMT"),
    **dict.fromkeys(("بالتوقيت المحلي", "بالتوقيت المحلي للبلاد"), ""),
}
TIME_HEDGES = frozenset("نحو حوالي قرابه زهاء قبيل بعيد قبل بعد".split())
# A seismic magnitude: "بقوة 7 درجات", "قوته 6.8 درجة على مقياس ريختر". A word of strength
# before the figure makes it a magnitude only with a degree after it ("فيضان بقوة تسونامي"
# has no figure; "بقوة 40 ألف مقاتل" no degree); a scale named after it is enough.
MAGNITUDE_WORDS: tuple[str, ...] = ()
MAGNITUDE_STRENGTH = ("بقوه", "قوه", "قوته", "قوتها", "بشده", "شدته", "شدتها")
MAGNITUDE_DEGREES = ("درجه", "درجات")
MAGNITUDE_SCALES = ("ريختر",)
# ... of a later shock, not of the quake ("هزة ارتدادية بقوة 4.9 درجات").
AFTERSHOCK_PHRASES = ("ارتداديه", "ارتدادي", "ارتداديا", "هزه ثانيه", "هزات ثانويه")
# A temperature: a degree after the figure with a scale after it ("49 درجة مئوية"), or a
# degree alone when a word of heat stands before the figure ("درجات الحرارة 49 درجة"). A
# temperature is of one place at one hour, so two of them are never compared (facts.py).
TEMPERATURE_DEGREES = ("درجه", "درجات")
TEMPERATURE_SCALES: dict[str, str] = {
    **dict.fromkeys("مئويه سيليزيه سيلزيوس سلسيوس سيلسيوس".split(), "C"),
    **dict.fromkeys(("فهرنهايت", "فهرنهايتيه"), "F"),
}
TEMPERATURE_WORDS = ("حراره", "الحراره", "حرارتها", "الحر", "حر", "الحار")
# Units of length and depth, with their length in metres: a figure in one of them is measured
# from somewhere ("70 كيلومترا جنوب مراكش"), so two such figures are one quantity only when
# the words around them agree; in two units, they are compared in metres.
LENGTH_UNITS: dict[str, str] = {
    **dict.fromkeys("كيلومتر كيلومترا كيلومترات كلم كم".split(), "1000"),
    **dict.fromkeys("متر مترا امتار".split(), "1"),
    **dict.fromkeys("ميل ميلا اميال".split(), "1609.344"),
    **dict.fromkeys("قدم اقدام".split(), "0.3048"),
}
# Points of the compass, folded, in degrees from north: "72 كيلومترا شرقي مدينة مراكش",
# "جنوب غرب مراكش", "إلى الجنوب الغربي من مراكش". A point of north or south followed by one
# of east or west is the point between them.
COMPASS_POINTS: dict[str, int] = {
    **dict.fromkeys("شمال شمالي الشمال الشمالي".split(), 0),
    **dict.fromkeys("شرق شرقي الشرق الشرقي".split(), 90),
    **dict.fromkeys("جنوب جنوبي الجنوب الجنوبي".split(), 180),
    **dict.fromkeys("غرب غربي الغرب الغربي".split(), 270),
}
# Points of the compass that place a count in a part of the country named after them ("في
# جنوب لبنان", relate/quantities.count_place): every one, a country's own name never
# starting with one ("كوريا الجنوبية").
COUNT_PLACE_POINTS = frozenset(COMPASS_POINTS)
# Words that may stand between a point of the compass and the place it is taken from.
COMPASS_LINKS = ("من",)
# A part of a country: a point of the compass, then the words that may stand between it and
# the country (REGION_LINKS), then the country's name or one of the words that name the
# story's own country without naming it ("في شمال شرق البلاد", "شمالي غربي إيران").
REGION_LINKS: tuple[str, ...] = ()
REGION_COUNTRY_WORDS = frozenset("البلاد المملكه".split())
# Capitals among COUNTRY_NAMES: "شمال غرب طهران" is north-west of a city, no part of Iran.
CAPITAL_CITIES = frozenset(
    "قاهره دمشق بغداد بيروت رياض دوحه صنعاء خرطوم رباط طهران انقره موسكو كرملين بكين"
    " واشنطن لندن باريس برلين روما مدريد كييف طوكيو كابول".split()
)
# Words next to a part of a country that make it the name of who governs or fights there
# ("وزير الصحة في حكومة شرق البلاد"): two of them are two actors, not one place told twice.
REGION_ACTOR_WORDS = frozenset("حكومه اداره سلطات برلمان قوات جيش".split())
# Nouns of things a story counts, each to a key every language shares, so that "185 سفينة"
# and "more than 200 ships", "40 ground teams" and "46 rescue crews", "73 فريق إنقاذ" and "65
# rescue teams" count one thing. Folded forms, singular and plural; the article and a
# proclitic are peeled off before matching. Written by hand from news counts.
COUNT_NOUNS: dict[str, str] = {
    **dict.fromkeys("سفينه سفن سفينتين باخره بواخر ناقله ناقلات".split(), "ship"),
    **dict.fromkeys("فريق فرق فريقا طاقم طواقم".split(), "team"),
    **dict.fromkeys("حاويه حاويات".split(), "container"),
    **dict.fromkeys("طائره طائرات".split(), "plane"),
    **dict.fromkeys("مروحيه مروحيات".split(), "helicopter"),
    **dict.fromkeys("منزل منازل منزلا بيت بيوت مسكن مساكن".split(), "home"),
    **dict.fromkeys("مبني مباني بنايه بنايات".split(), "building"),
    **dict.fromkeys("قريه قري".split(), "village"),
    **dict.fromkeys("طفل اطفال طفلا".split(), "child"),
    **dict.fromkeys("جندي جنود جنديا".split(), "soldier"),
    **dict.fromkeys("صاروخ صواريخ صاروخا".split(), "missile"),
    **dict.fromkeys("هدف اهداف هدفا".split(), "goal"),
    **dict.fromkeys("مباراه مباريات".split(), "match"),
    **dict.fromkeys("سياره سيارات مركبه مركبات".split(), "vehicle"),
    **dict.fromkeys("حاج حاجا حجاج حجيج".split(), "pilgrim"),
}
# Nouns that say what an amount of money pays for, each to a key every language shares, so
# that "عقد بقيمة 522 مليون جنيه" and "a £522million contract" price one thing and "ودفع 916
# مليون دولار تعويضات" and "a $900 million claim" another. Folded forms; the article and a
# proclitic are peeled off before matching. An amount's noun is the one right after it, else
# the nearest of MONEY_NOUN_WINDOW words before it.
MONEY_NOUNS: dict[str, str] = {
    **dict.fromkeys("عقد عقدا صفقه".split(), "contract"),
    **dict.fromkeys("تعويض تعويضا تعويضات مطالبه مطالبات".split(), "compensation"),
    **dict.fromkeys("غرامه غرامات".split(), "fine"),
    **dict.fromkeys("راتب راتبا رواتب كراتب اجر اجرا مرتب مرتبا كمرتب".split(), "salary"),
    **dict.fromkeys("قرض قرضا قروض".split(), "loan"),
    **dict.fromkeys("فديه".split(), "ransom"),
    **dict.fromkeys("ميزانيه موازنه".split(), "budget"),
    # What a disaster cost, told as losses or as damage ("خسائر مادية", "أضرار مادية").
    **dict.fromkeys("خسائر اضرار اضرارا".split(), "losses"),
}
# An amount paid each period ("راتب سنوي يبلغ 100 مليون يورو", "يتقاضى 4 ملايين دولار
# سنويا"): a word of the period among the words before the amount or the two after it, or
# one of PAY_PERIOD_AFTER right after it. An amount with a period, and a salary noun
# (MONEY_NOUNS) or a verb of being paid (PAY_VERBS) before it, is a salary for that period:
# a yearly salary and a weekly wage are two quantities.
PAY_PERIOD_WORDS: dict[str, str] = {
    **dict.fromkeys("سنوي سنويا سنويه".split(), "year"),
    **dict.fromkeys("شهري شهريا شهريه".split(), "month"),
    **dict.fromkeys("اسبوعي اسبوعيا اسبوعيه".split(), "week"),
}
PAY_PERIOD_AFTER: dict[str, str] = {
    **dict.fromkeys(("في العام", "في السنه", "في الموسم", "كل عام", "كل موسم"), "year"),
    **dict.fromkeys(("في الشهر", "كل شهر"), "month"),
    **dict.fromkeys(("في الاسبوع", "كل اسبوع"), "week"),
}
PAY_VERBS = frozenset("يتقاضي تقاضي سيتقاضي يحصل سيحصل حصل يكسب سيكسب".split())
# An amount paid over several years or seasons ("تقاضي 160 مليون يورو خلال موسمين"): a word
# of PAY_SPREAD_WORDS right after the amount (after a bracketed conversion), then a count of
# years or seasons (PAY_SPREAD_UNITS; a dual of PAY_SPREAD_DUALS is two). A salary told so
# is compared a year at a time.
PAY_SPREAD_WORDS = ("خلال", "طوال", "علي مدي")
PAY_SPREAD_UNITS = ("عاما", "اعوام", "سنوات", "مواسم", "موسما")
PAY_SPREAD_DUALS = ("عامين", "سنتين", "موسمين")
# The noun just before a figure that names what it measures ("ووزنها 200 ألف طن", "بسعة 224
# ألف طن"): two figures whose nouns name two measures are two quantities, however alike their
# units. Folded forms; a proclitic (و، ب) is peeled off before matching.
MEASURE_NOUNS: dict[str, str] = {
    **dict.fromkeys("وزن وزنها وزنه".split(), "weight"),
    **dict.fromkeys("سعه سعتها سعته حموله حمولتها حمولته".split(), "capacity"),
    **dict.fromkeys("طول طولها طوله".split(), "length"),
    **dict.fromkeys("ارتفاعها ارتفاعه".split(), "height"),
    **dict.fromkeys("عمق عمقها عمقه".split(), "depth"),
}
# Words around a length that say which way, not from where: "على بعد 70 كيلومترا جنوب
# مراكش" and "على بعد 72 كيلومترا شرق مراكش" are measured from one place.
LENGTH_NEUTRAL = tuple(
    """بعد علي شمال جنوب شرق غرب شمالي جنوبي شرقي غربي الشمال الجنوب الشرق الغرب
    ساحل سواحل""".split()
)
# Words that join two clauses: a count's state is read within its own clause ("قتل 12 شخصا
# وأصيب 30"); a word with the clitic و also starts one.
CLAUSE_CONJUNCTIONS = ("و",)
# Words that join the two ends of a range of figures, folded: "بين 18 و20 ألفا", "من 3 إلى 4
# مليارات", "5 أو 6 آلاف". The lower end, written bare, takes the scale of the upper end.
RANGE_JOINERS = ("و", "الي", "حتي", "او")
# Words that open a range of figures ("ما بين 18 و20 ألفا", "من 3 إلى 4 مليارات"), folded.
RANGE_OPENERS = ("بين", "من")
# Joiners that only a range uses: "18 إلى 20 ألفا" needs no word to open it.
RANGE_ONLY_JOINERS = ("الي", "حتي")
# Words right before a figure that put the quantity strictly above it ("قد يزيد على 20 ألفا",
# "يمكن أن يفوق 20 ألفا") or strictly below it ("أقل من"), folded: a range that ends at or
# below the first, or starts at or above the second, cannot hold the quantity.
STRICTLY_ABOVE = (
    "اكثر من",
    "ازيد من",
    "يزيد علي",
    "يزيد عن",
    "تزيد علي",
    "تزيد عن",
    "ما يزيد علي",
    "ما يزيد عن",
    "يفوق",
    "تفوق",
)
STRICTLY_BELOW = ("اقل من", "ما يقل عن", "يقل عن", "تقل عن")
# Verbs of exceeding, a few words before a figure: the figure is a floor passed ("تخطى عدد
# الجرحى 5 آلاف", "تجاوزت الحصيلة 2000"), as "more than" says. Folded, without و / ف.
EXCEED_VERBS = frozenset("""تجاوز تجاوزت يتجاوز تتجاوز تخطي تخطت يتخطي تتخطي فاق فاقت""".split())
# Words that tally people, folded: "عدد القتلى ... قد يزيد على 20 ألفا" counts the dead.
TALLY_WORDS = ("عدد", "حصيله")
# Words that say what state the people a count counts are in: the dead, the missing, the
# injured and the displaced are different quantities, never one figure with two values.
# Folded, without their article or clitic; the nearest one to the number decides.
# Nouns of people counted: a number of four digits before one is a count ("2000 شخص"),
# not a year.
PEOPLE_NOUNS = tuple(
    """شخص شخصا اشخاص مدني مدنيا مدنيين مواطن مواطنا مواطنين طفل طفلا اطفال امراه نساء
    عامل عاملا عمال مهاجر مهاجرا مهاجرين نازح نازحا نازحين جندي جنديا جنود""".split()
)
# People counted without saying who they are: a count of them takes the state beside it
# ("مقتل 3 آلاف شخص" counts the dead, as "11300 لقوا حتفهم" does).
# "Others" too ("مقتل 12 شخصا وإصابة 40 آخرين"); not "إنسان", which a speaker's "wanted to kill
# 4000 people" counts as intended, not as dead.
GENERIC_PEOPLE_NOUNS = tuple("شخص شخصا اشخاص نسمه فرد فردا افراد اخرين اخرون".split())
# Words that name a figure without saying what it counts ("وقال المكتب إن العدد لا يقل عن
# ثلاثة آلاف"): right before a bare figure, it counts what the claim before it counted
# (facts._number_referred).
NUMBER_NOUNS = frozenset("العدد الرقم".split())
# Arabic names a thing by the first noun of two ("5 سيارات شرطة", "40 فريق انقاذ"): no
# count's noun is read from the second word (see en.py).
PLURAL_ENDINGS: tuple[str, ...] = ()
NOT_PLURAL_ENDINGS: tuple[str, ...] = ()
IRREGULAR_PLURALS: frozenset[str] = frozenset()
COUNT_STATES: dict[str, str] = {
    # "أودى بحياة 300 شخص", "أزهق أرواح 300" count the dead too.
    **dict.fromkeys(
        """قتيل قتيلا قتلي مقتل قتل قتلوا يقتل تقتل قتلت لقي لقوا لقيت حتفه حتفهم حتفها مصرع وفاه
        وفيات توفي توفوا موتي جثه جثث جثامين ضحيه ضحايا قضوا حصيله بحياه ارواح شهيد شهيدا
        شهداء استشهاد استشهد استشهدوا استشهدت""".split(),
        "dead",
    ),
    # "فُقد" (went missing) folds like "فَقد" (lost): read as missing, the flood reports'
    # usual sense; a misread state only keeps two counts apart.
    **dict.fromkeys("مفقود مفقوده مفقودا مفقودين مفقودون فقد فقدوا فقدت".split(), "missing"),
    **dict.fromkeys(
        """جريح جريحا جرحي مصاب مصابا مصابين مصابون اصيب اصيبوا اصابه اصابات بجروح
        جروح""".split(),
        "injured",
    ),
    **dict.fromkeys(
        "نازح نازحا نازحين نازحون نزوح مشرد مشردا مشردين مشردون تشريد شردوا".split(),
        "displaced",
    ),
    **dict.fromkeys("انقاذ انقذ انقذت ناجين ناجيا ناجون".split(), "rescued"),
    **dict.fromkeys("معتقل معتقلين اعتقال اعتقل اعتقلت موقوف موقوفين".split(), "arrested"),
    # The buried are some of the dead, counted apart ("جرى دفن 17 شخصا" beside 38 deaths).
    **dict.fromkeys("دفن دفنت دفنوا مدفون مدفونين".split(), "buried"),
}
# People who lost their homes are the displaced ("باتوا من دون منازل", "فقدوا منازلهم"), who
# lost their lives the dead ("فقدوا حياتهم"): a word of losing or lacking, then a word of
# home or of life within numbers.LOSS_REACH words.
LOSS_WORDS = frozenset("فقد فقدوا فقدت فقدن دون بدون بلا".split())
HOME_NOUNS = frozenset("منازل منازلهم منزل منازلها بيوت بيوتهم ماوي مساكن مساكنهم".split())
LIFE_NOUNS = frozenset(
    "حياه الحياه حياته حياتها حياتهم حياتهن ارواح ارواحهم ارواحهن روحه روحها".split()
)

# Direction roots, matched inside a word, since Arabic morphology puts the root in the
# middle (ارتفاع، يرتفع، مرتفعه); "^" ties a root to the start of the word, "$" to its end.
# Written by hand from news vocabulary.
UP_ROOTS = tuple(
    """رتفع صعد صعود قفز اعلي مكاسب زياده يزيد تزيد ازداد يزداد تزداد تزايد تعافي انتعاش ينتعش
    قياسي اكد يؤكد تؤكد اكدت""".split()
)
DOWN_ROOTS = tuple(
    """نخفض خفض هبط هبوط تراجع تدهور تهوي يهوي تهاوي يتهاوي انهيار ينهار تنهار ادني خسائر
    خساره يخسر تخسر تقلص ينزل نزول نفي ينفي تنفي نفت""".split()
)
# Confirming and denying: a direction of their own (a stance root that is also a DOWN root
# denies), so that confirmed vs denied is opposite and confirmed vs rose is not.
STANCE_ROOTS = ("اكد", "يؤكد", "تؤكد", "اكدت", "نفي", "ينفي", "تنفي", "نفت")

# Opposite roots for the learned model's hand_antonym feature: a word removed holding one and
# a word added holding the other. Written by hand from general news vocabulary (roots of three
# letters or more, matched inside words like the direction roots).
ANTONYM_ROOTS: dict[str, str] = {
    "فتح": "غلق",
    "كبر": "صغر",
    "اكبر": "اقل",
    "اكثر": "اقل",
    "اعلي": "ادني",
    "صراع": "تصالح",
    "حرب": "سلام",
    "ربح": "خسار",
    "ارباح": "خسائر",
    "نجح": "فشل",
    "نجاح": "فشل",
    "زياد": "نقص",
    "رفع": "خفض",
    "قبول": "رفض",
    "يقبل": "يرفض",
    "يجاب": "سلب",
    "فوز": "هزيم",
    "فاز": "خسر",
    "اول": "اخير",
    "يؤيد": "يعارض",
    "تقدم": "تاخر",
    "بدء": "نهاء",
    "استئناف": "توقف",
    "وفر": "ندر",
    "قوي": "ضعيف",
    "سهل": "صعب",
    "غني": "فقير",
    "شراء": "بيع",
    "يشتري": "يبيع",
    "دخول": "خروج",
    "يدخل": "يخرج",
    "جديد": "قديم",
    "صعود": "سقوط",
    "بقاء": "رحيل",
    "يسمح": "يمنع",
    "سمح": "منع",
    "تفاؤل": "تشاؤم",
    "شرق": "غرب",
    "شمال": "جنوب",
    "داخل": "خارج",
    "قبيل": "بعد",
}

# Countries and a few regions (folded, without the article): names, capitals and adjectives
# of nationality, each form to one key shared by every language. A claim naming one country
# where the other names another speaks of another actor or place: the learned model's
# country_swap feature (relate/model.py). A capital stands for its country, as in
# RELATED_ACTORS. Written by hand; names that are also common words or other places are
# left out (عمان: Oman and Amman; طرابلس: in Libya and in Lebanon).
COUNTRY_NAMES: dict[str, str] = {
    **dict.fromkeys("مصر مصري قاهره".split(), "eg"),
    **dict.fromkeys("سوريا سوريه سوري دمشق".split(), "sy"),
    **dict.fromkeys("عراق عراقي بغداد".split(), "iq"),
    **dict.fromkeys("لبنان لبناني بيروت".split(), "lb"),
    **dict.fromkeys("اردن اردني".split(), "jo"),
    **dict.fromkeys("فلسطين فلسطيني".split(), "ps"),
    **dict.fromkeys("اسرائيل اسرائيلي".split(), "il"),
    **dict.fromkeys("سعوديه سعودي رياض".split(), "sa"),
    **dict.fromkeys("امارات اماراتي".split(), "ae"),
    **dict.fromkeys("قطر قطري دوحه".split(), "qa"),
    **dict.fromkeys("كويت كويتي".split(), "kw"),
    **dict.fromkeys("بحرين بحريني".split(), "bh"),
    **dict.fromkeys("يمن يمني صنعاء".split(), "ye"),
    **dict.fromkeys("ليبيا ليبي".split(), "ly"),
    **dict.fromkeys("تونس تونسي".split(), "tn"),
    **dict.fromkeys("جزائر جزائري".split(), "dz"),
    **dict.fromkeys("مغرب مغربي رباط".split(), "ma"),
    **dict.fromkeys("سودان سوداني خرطوم".split(), "sd"),
    **dict.fromkeys("صومال صومالي".split(), "so"),
    **dict.fromkeys("موريتانيا موريتاني".split(), "mr"),
    **dict.fromkeys("ايران ايراني طهران".split(), "ir"),
    **dict.fromkeys("تركيا تركي انقره".split(), "tr"),
    **dict.fromkeys("روسيا روسي موسكو كرملين".split(), "ru"),
    **dict.fromkeys("صين صيني بكين".split(), "cn"),
    **dict.fromkeys("امريكا اميركا امريكي اميركي واشنطن".split(), "us"),
    **dict.fromkeys("بريطانيا بريطاني لندن".split(), "gb"),
    **dict.fromkeys("فرنسا فرنسي باريس".split(), "fr"),
    **dict.fromkeys("المانيا الماني برلين".split(), "de"),
    **dict.fromkeys("ايطاليا ايطالي روما".split(), "it"),
    **dict.fromkeys("اسبانيا اسباني مدريد".split(), "es"),
    **dict.fromkeys("يونان يوناني".split(), "gr"),
    **dict.fromkeys("هولندا هولندي".split(), "nl"),
    **dict.fromkeys("بلجيكا بلجيكي".split(), "be"),
    **dict.fromkeys("سويسرا سويسري".split(), "ch"),
    **dict.fromkeys("سويد سويدي".split(), "se"),
    **dict.fromkeys("نرويج نرويجي".split(), "no"),
    **dict.fromkeys("دنمارك دنماركي".split(), "dk"),
    **dict.fromkeys("نمسا نمساوي".split(), "at"),
    **dict.fromkeys("بولندا بولندي".split(), "pl"),
    **dict.fromkeys("اوكرانيا اوكراني كييف".split(), "ua"),
    **dict.fromkeys("قبرص قبرصي".split(), "cy"),
    **dict.fromkeys("يابان ياباني طوكيو".split(), "jp"),
    **dict.fromkeys("كوريا كوري".split(), "kr"),
    **dict.fromkeys("هند هندي".split(), "in"),
    **dict.fromkeys("باكستان باكستاني".split(), "pk"),
    **dict.fromkeys("بنغلاديش بنغلاديشي".split(), "bd"),
    **dict.fromkeys("اندونيسيا اندونيسي جاكرتا".split(), "id"),
    **dict.fromkeys("ماليزيا ماليزي".split(), "my"),
    **dict.fromkeys("سنغال سنغالي".split(), "sn"),
    **dict.fromkeys("افغانستان افغاني كابول".split(), "af"),
    **dict.fromkeys("استراليا استرالي".split(), "au"),
    **dict.fromkeys("كندا كندي".split(), "ca"),
    **dict.fromkeys("مكسيك مكسيكي".split(), "mx"),
    **dict.fromkeys("برازيل برازيلي".split(), "br"),
    **dict.fromkeys("ارجنتين ارجنتيني".split(), "ar"),
    **dict.fromkeys("اثيوبيا اثيوبي".split(), "et"),
    **dict.fromkeys("نيجيريا نيجيري".split(), "ng"),
    **dict.fromkeys("كينيا كيني".split(), "ke"),
    **dict.fromkeys("اوروبا اوروبي".split(), "europe"),
    **dict.fromkeys("افريقيا افريقي".split(), "africa"),
}
# Endings of an adjective of nationality (مصريه، مصريين، المصريون) and of a country's name
# written with ه (سوريه، تركيه) dropped to find it among COUNTRY_NAMES.
NATIONALITY_SUFFIXES = ("يين", "يون", "ين", "ون", "ه")

# Locative prepositions: a name swapped right after one of them is a place.
LOCATIVES = frozenset("في ب من الي داخل قرب".split())
# Locative clitics (بالقاهرة): a name swapped with one on both sides is a place.
LOCATIVE_CLITICS = ("ب",)
# Words that introduce a date and say nothing about which event it dates.
DATE_WORDS = frozenset("عام العام سنه السنه في منذ خلال".split())

# Skeletons (a rough root, so that يعتقلون/اعتقال and تدافع/دفاعا meet): the imperfect-verb
# and participle prefixes, the plural and pronoun suffixes and the long vowels taken out.
# Checked on ANS train diffs, where they join inflections of one word that light_stem keeps
# apart.
SKELETON_PREFIXES = ("ي", "ت", "ن", "ا", "م")
SKELETON_SUFFIXES = ("ون", "ين", "ات", "ان", "ها", "ه", "ا", "ي")
LONG_VOWELS = ("ا", "و", "ي")

# "ارتفعت حصيلة القتلى إلى ..." reports an update of an earlier figure, not a rival one
# (relate: an update, whatever the two publication dates). Normalised forms, without و / ف.
# "رفعت الوزارة عدد القتلى إلى 57" (the ministry raised the toll) too.
RISE_WORDS = frozenset("ارتفع ارتفعت يرتفع ترتفع ارتفاع رفع رفعت يرفع ترفع".split())
# "وكانت البلدية أفادت في وقت سابق بأن الحصيلة 4 آلاف" tells what was said before: its
# figure is an earlier one, and a figure told without such words is the later. Folded phrases.
EARLIER_PHRASES = ("في وقت سابق", "سابقا", "حصيله سابقه", "الحصيله السابقه")
# "حصيلة غير نهائية", "مرشحة للارتفاع", "متوقعا ارتفاع العدد": a toll told as provisional
# will be told otherwise (relate: a differing figure is an update, whatever the two
# publication dates; a higher figure of another source is the count risen, not a dispute).
# Folded phrases.
PROVISIONAL_TOLL_PHRASES = (
    "غير نهائيه",
    "حصيله اوليه",
    "حصيله مبدئيه",
    "مرشحه للارتفاع",
    "مرشح للارتفاع",
    "قابله للارتفاع",
    "متوقعا ارتفاع",
    "متوقعه ارتفاع",
    "يتوقع ارتفاع",
    "توقع ارتفاع",
    "توقعات بارتفاع",
    "مرجحا ارتفاع",
)
# "أحدث حصيلة": a toll told as the latest of a running count has been told otherwise before
# (relate: a differing figure is an update). Folded phrases.
LATEST_TOLL_PHRASES = ("احدث حصيله", "اخر حصيله")
