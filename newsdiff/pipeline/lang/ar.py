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
}
# Endings of ordinal day numbers ("7th October").
ORDINAL_SUFFIXES: tuple[str, ...] = ()
# "of" between a number or a day and its noun ("7 من أكتوبر", "اثنين من ممثلي").
OF_WORDS = ("من",)
# Words for "year" written before a year's digits ("أكتوبر عام 2024").
YEAR_LABELS = ("عام", "سنه")
# Words right before a bare number that make it a year ("منذ 2008", "في 2008").
YEAR_CUES = ("عام", "سنه", "العام", "منذ", "في")
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

# --------------------------------------------------------------------------- numbers

# Number words with their values; "واحد" is left out on purpose: "واحدة من" (one of)
# is a figure of speech far more often than a count.
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
}
SCALES: dict[str, int] = {
    "الف": 1_000,
    "الاف": 1_000,
    "الفا": 1_000,
    "مليون": 1_000_000,
    "ملايين": 1_000_000,
    "مليونا": 1_000_000,
    "مليار": 1_000_000_000,
    "مليارات": 1_000_000_000,
    "مليارا": 1_000_000_000,
    "بليون": 1_000_000_000,
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
    يقارب يناهز تقريبا عدد بعدد عليه عليها له لها اي""".split()
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
    """صواريخ صاروخ بنادق بندقيه طراز منظومه منظومات صحيفه وكاله شركه قناه مدينه الرئيس
    الوزير السيد الجنرال المدعو""".split()
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
)
# ... that come after it ("the Kremlin said"), and that introduce it only before a quote.
SAY_AFTER_SOURCE: tuple[str, ...] = ()
SAY_BEFORE_QUOTE: tuple[str, ...] = ()
# Phrases followed by the source ("نقلا عن رويترز"); a space stands for any whitespace.
ACCORDING_TO = ("نقلا عن",)
# Words that end the name of a source: "قال الكرملين إن ...", "قال الكرملين يوم الاثنين".
SOURCE_STOPS = frozenset(
    """ان انه انها ان عن علي في الي من امس اليوم يوم الاثنين الثلاثاء الاربعاء الخميس الجمعه
    السبت الاحد قوله لدي ل""".split()
)
# A pronoun is no source worth naming.
PRONOUNS = frozenset("هو هي هم".split())

# --------------------------------------------------------------------------- segment

# Abbreviations whose full stop ends no sentence (lowercase, without their last dot; raw
# text, not folded).
ABBREVIATIONS = frozenset("م.م ق.م".split())
# Words that open a clause after a comma ("، حيث ..."); a space stands for one space.
CLAUSE_OPENERS = ("حيث", "بينما", "في حين")
# Words that open a clause without a comma before them ("... كما ...").
CLAUSE_OPENERS_NO_COMMA = ("كما", "وقد", "ولكن", "لكن")

# --------------------------------------------------------------------------- clean
# Matched on folded lines.

# A short line starting with one of these is a furniture prompt (logo, share, follow ...).
FURNITURE_PREFIXES = (
    "الرئيسيه",
    "شارك",
    "مشاركه",
    "طباعه",
    "اعلان",
    "اقرا المزيد",
    "اقرا ايضا",
    "اقرا كذلك",
    "تابعونا",
    "تابعنا",
    "اشترك",
    "المزيد",
    "ذات صله",
    "مواضيع ذات",
    "اخبار ذات",
    "قد يهمك",
    "قد يعجبك",
    "الاكثر قراءه",
    "استمع",
    "شاهد ايضا",
    "انظر ايضا",
    "رابط مختصر",
    "الرابط المختصر",
    "تحميل التطبيق",
)
# ... and one starting with one of these words (not a longer word) too.
FURNITURE_WORDS: tuple[str, ...] = ()
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
# Words that start a byline ("بقلم فلان").
BYLINE_WORDS = ("بقلم", "كتب", "كتبت", "اعداد", "تحرير")
# Words that start a dateline ("تاريخ النشر: ...").
DATELINE_WORDS = ("نشر", "تاريخ النشر", "اخر تحديث", "تحديث")

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
