"""The German words the press reader knows: speech verbs, functions and titles, first names
with their grammatical gender, and organisation heads. Written by hand, tested in
tests/interchange/test_press_lexicon.py; rules over these lists live in the sibling modules.
"""

import re


def _words(block: str) -> frozenset[str]:
    """The words of a block, one set: long lists stay readable as text."""
    return frozenset(block.split())


def _word_tuple(block: str) -> tuple[str, ...]:
    return tuple(block.split())


# Speech verbs in the forms press releases use: present, preterite, perfect participle, with
# both persons a release needs (3rd singular and plural). "so X" is handled as its own pattern.
_SPEECH_STEMS = {
    # stem: (present 3sg, present 3pl, preterite 3sg, preterite 3pl, participle)
    "sagen": ("sagt", "sagen", "sagte", "sagten", "gesagt"),
    "betonen": ("betont", "betonen", "betonte", "betonten", "betont"),
    "erklären": ("erklärt", "erklären", "erklärte", "erklärten", "erklärt"),
    "ergänzen": ("ergänzt", "ergänzen", "ergänzte", "ergänzten", "ergänzt"),
    "unterstreichen": ("unterstreicht", "unterstreichen", "unterstrich", "unterstrichen", "unterstrichen"),
    "hervorheben": ("hebt", "heben", "hob", "hoben", "hervorgehoben"),
    "erläutern": ("erläutert", "erläutern", "erläuterte", "erläuterten", "erläutert"),
    "berichten": ("berichtet", "berichten", "berichtete", "berichteten", "berichtet"),
    "meinen": ("meint", "meinen", "meinte", "meinten", "gemeint"),
    "sprechen": ("spricht", "sprechen", "sprach", "sprachen", "gesprochen"),
    "fügen": ("fügt", "fügen", "fügte", "fügten", "hinzugefügt"),
    "zeigen": ("zeigt", "zeigen", "zeigte", "zeigten", "gezeigt"),
    "freuen": ("freut", "freuen", "freute", "freuten", "gefreut"),
    "bekräftigen": ("bekräftigt", "bekräftigen", "bekräftigte", "bekräftigten", "bekräftigt"),
    "versichern": ("versichert", "versichern", "versicherte", "versicherten", "versichert"),
    "bilanzieren": ("bilanziert", "bilanzieren", "bilanzierte", "bilanzierten", "bilanziert"),
    "resümieren": ("resümiert", "resümieren", "resümierte", "resümierten", "resümiert"),
    "fassen": ("fasst", "fassen", "fasste", "fassten", "zusammengefasst"),
    "bringen": ("bringt", "bringen", "brachte", "brachten", "gebracht"),
    "loben": ("lobt", "loben", "lobte", "lobten", "gelobt"),
    "danken": ("dankt", "danken", "dankte", "dankten", "gedankt"),
    "begrüßen": ("begrüßt", "begrüßen", "begrüßte", "begrüßten", "begrüßt"),
    "würdigen": ("würdigt", "würdigen", "würdigte", "würdigten", "gewürdigt"),
    "mahnen": ("mahnt", "mahnen", "mahnte", "mahnten", "gemahnt"),
    "warnen": ("warnt", "warnen", "warnte", "warnten", "gewarnt"),
    "fordern": ("fordert", "fordern", "forderte", "forderten", "gefordert"),
    "appellieren": ("appelliert", "appellieren", "appellierte", "appellierten", "appelliert"),
    "kündigen": ("kündigt", "kündigen", "kündigte", "kündigten", "angekündigt"),
    "versprechen": ("verspricht", "versprechen", "versprach", "versprachen", "versprochen"),
    "schildern": ("schildert", "schildern", "schilderte", "schilderten", "geschildert"),
    "beschreiben": ("beschreibt", "beschreiben", "beschrieb", "beschrieben", "beschrieben"),
    "ausführen": ("führt", "führen", "führte", "führten", "ausgeführt"),
    "feststellen": ("stellt", "stellen", "stellte", "stellten", "festgestellt"),
    "bestätigen": ("bestätigt", "bestätigen", "bestätigte", "bestätigten", "bestätigt"),
    "verweisen": ("verweist", "verweisen", "verwies", "verwiesen", "verwiesen"),
    "ermutigen": ("ermutigt", "ermutigen", "ermutigte", "ermutigten", "ermutigt"),
    "sich wünschen": ("wünscht", "wünschen", "wünschte", "wünschten", "gewünscht"),
    "hoffen": ("hofft", "hoffen", "hoffte", "hofften", "gehofft"),
    "fragen": ("fragt", "fragen", "fragte", "fragten", "gefragt"),
    "antworten": ("antwortet", "antworten", "antwortete", "antworteten", "geantwortet"),
    "rufen": ("ruft", "rufen", "rief", "riefen", "gerufen"),
    "zitieren": ("zitiert", "zitieren", "zitierte", "zitierten", "zitiert"),
    "äußern": ("äußert", "äußern", "äußerte", "äußerten", "geäußert"),
    "kommentieren": ("kommentiert", "kommentieren", "kommentierte", "kommentierten", "kommentiert"),
    "erinnern": ("erinnert", "erinnern", "erinnerte", "erinnerten", "erinnert"),
    "zeigen sich": ("zeigt", "zeigen", "zeigte", "zeigten", "gezeigt"),
    "unterstreichen sich": (
        "unterstreicht",
        "unterstreichen",
        "unterstrich",
        "unterstrichen",
        "unterstrichen",
    ),
    "ziehen": ("zieht", "ziehen", "zog", "zogen", "gezogen"),
    "ergreifen": ("ergreift", "ergreifen", "ergriff", "ergriffen", "ergriffen"),
    "schwärmen": ("schwärmt", "schwärmen", "schwärmte", "schwärmten", "geschwärmt"),
    "argumentieren": ("argumentiert", "argumentieren", "argumentierte", "argumentierten", "argumentiert"),
    "verdeutlichen": ("verdeutlicht", "verdeutlichen", "verdeutlichte", "verdeutlichten", "verdeutlicht"),
    "skizzieren": ("skizziert", "skizzieren", "skizzierte", "skizzierten", "skizziert"),
    "informieren": ("informiert", "informieren", "informierte", "informierten", "informiert"),
    "ankündigen": ("kündigt", "kündigen", "kündigte", "kündigten", "angekündigt"),
    "zusammenfassen": ("fasst", "fassen", "fasste", "fassten", "zusammengefasst"),
    "hinzufügen": ("fügt", "fügen", "fügte", "fügten", "hinzugefügt"),
}
# Separable or fused forms and a few words that only occur in speech attributions.
_EXTRA_SPEECH_WORDS = _words(
    """
    bemerkt bemerkte betonend ergänzend fazit formuliert formulierte hervor hinzu laut resümee
    sagend so wörtlich zufolge
    """
)
SPEECH_VERBS: frozenset[str] = frozenset(
    form for forms in _SPEECH_STEMS.values() for form in forms
) | frozenset(stem.split()[0] for stem in _SPEECH_STEMS)
# Verbs that only speak in the company of a quote (zeigen, bringen, freuen, ziehen …) are in
# SPEECH_VERBS too; the reader only takes a verb as speech next to a quotation.
STRONG_SPEECH_VERBS: frozenset[str] = frozenset(
    form
    for stem, forms in _SPEECH_STEMS.items()
    if stem.split()[0]
    not in {
        "zeigen",
        "bringen",
        "freuen",
        "ziehen",
        "fassen",
        "führen",
        "stellen",
        "hoffen",
        "informieren",
        "ergreifen",
        "danken",
        "begrüßen",
        "loben",
    }
    for form in forms
)
EXTRA_SPEECH_WORDS: frozenset[str] = frozenset(_EXTRA_SPEECH_WORDS)

# Nouns that introduce a quoted name, title or motto rather than speech.
TERM_CUES: frozenset[str] = _words(
    """
    aktion app auszeichnung begriff bündnis festival förderprogramm genannt genannte genannten
    heißt hieß initiative kampagne konferenz label leitbild leitmotiv motto name namen netzwerk
    plattform preis programm programms projekt projektes projekts reihe slogan so genannte
    sogenannte sogenannten sogenannter stichwort strategie tagung thema themen titel unter
    veranstaltung veranstaltungsreihe wettbewerb
    """
)

# Functions and titles. The generic suffix rule catches compounds ("Digitalisierungsbeauftragte",
# "Amtsleiterin", "Stadtbaurätin"); the list holds words the suffixes miss.
FUNCTION_WORDS: frozenset[str] = _words(
    """
    abgeordnete abgeordneter alderman amtsleiter amtsleiterin architekt architektin baudezernent
    baudezernentin beauftragte beauftragter beigeordnete beigeordneter bezirksbürgermeister
    bezirksbürgermeisterin botschafter botschafterin bundestagsabgeordnete
    bundestagsabgeordneter bürgermeister bürgermeisterin cdo ceo chef chefin chief cio
    councillor councilor cto delegationsleiter delegationsleiterin deputy dezernent dezernentin
    direktor direktorin erste erster experte expertin fraktionsvorsitzende fraktionsvorsitzender
    generalkonsul generalkonsulin geschäftsführer geschäftsführerin gouverneur gouverneurin
    gründer gründerin head inhaber inhaberin intendant intendantin kanzler kanzlerin konsul
    konsulin koordinator koordinatorin kurator kuratorin kämmerer kämmerin landrat landrätin
    landtagsabgeordnete landtagsabgeordneter leiter leiterin lord manager managerin mayor
    minister ministerin ministerpräsident ministerpräsidentin mitarbeiter mitarbeiterin ob
    oberbürgermeister oberbürgermeisterin ortsvorsteher ortsvorsteherin pfarrer pfarrerin
    polizeipräsident polizeipräsidentin professor professorin projektleiter projektleiterin
    präsident präsidentin ratsfrau ratsherr ratsmitglied referent referentin regierungspräsident
    regierungspräsidentin rektor rektorin schulleiter schulleiterin senator senatorin sprecher
    sprecherin staatsminister staatsministerin staatssekretär staatssekretärin stadtbaurat
    stadtbaurätin stadtdirektor stadtdirektorin stadtkämmerer stadtkämmerin stadtplaner
    stadtplanerin stadtpräsident stadtpräsidentin stadtrat stadträtin stadtschreiber
    stadtverordnete stadtverordnetenvorsteher stadtverordnetenvorsteherin stadtverordneter
    stellvertretende stellvertretender teamleiter teamleiterin vertreter vertreterin
    vizebürgermeister vizebürgermeisterin vorsitzende vorsitzender vorstand vorständin
    wirtschaftsförderer wirtschaftsförderin
    """
)
FUNCTION_SUFFIXES: tuple[str, ...] = _word_tuple(
    """
    bürgermeister bürgermeisterin leiter leiterin direktor direktorin führer führerin präsident
    präsidentin sprecher sprecherin beauftragte beauftragter referent referentin dezernent
    dezernentin rat rätin vorsitzende vorsitzender minister ministerin sekretär sekretärin
    manager managerin koordinator koordinatorin vorsteher vorsteherin kämmerer kämmerin
    beigeordnete beigeordneter officer abgeordnete abgeordneter
    """
)
# Lower-case words that may stand inside a function ("Leiter des Smart City Teams").
FUNCTION_JOINERS: frozenset[str] = _words(
    """
    & am an bei der des for für im in of the und vom von
    """
)
ACADEMIC_TITLES: tuple[str, ...] = (
    "Prof. Dr.-Ing.",
    "Prof. Dr. Dr.",
    "Prof. Dr.",
    "Prof.",
    "Dr.-Ing.",
    "Dr. h. c.",
    "Dr. h.c.",
    "Dr. med.",
    "Dr. phil.",
    "Dr. rer. nat.",
    "Dr.",
    "Dipl.-Ing.",
    "Dipl.-Kfm.",
)
POLITE_FORMS: dict[str, str] = {"herr": "m", "herrn": "m", "frau": "f"}
NAME_PARTICLES: frozenset[str] = _words(
    """
    al da de der di dos du el ten ter van vom von zu
    """
)
# After a name, not part of it.
NAME_SUFFIXES: frozenset[str] = frozenset({"MdB", "MdL", "MdEP", "MdA", "jr.", "sen."})


def is_function_word(word: str) -> bool:
    low = word.lower().strip(",.;:")
    if not low or not word[:1].isalpha():
        return False
    if low in FUNCTION_WORDS:
        return True
    return (
        len(low) > 5
        and low.endswith(FUNCTION_SUFFIXES)
        and word[:1].isupper()
        and not low.endswith(
            ("trat", "ierat", "vorrat", "apparat", "referat", "zitat", "format", "salat", "inserat", "ornat")
        )
    )


def function_gender(word: str) -> str | None:
    """'f' for the feminine form of a function ("Stadträtin", "Leiterin"), 'm' for a known
    masculine one, None when the word does not tell."""
    low = word.lower()
    if low.endswith("in") and is_function_word(word) and low not in {"chefin"} | {"in"}:
        return "f"
    if low == "chefin":
        return "f"
    if low.endswith(("frau",)):
        return "f"
    if is_function_word(word) and not low.endswith(("e", "officer", "chief", "head", "mayor")):
        return "m"
    return None


# Organisation heads: "Stadt Bochum", "Landeshauptstadt Düsseldorf", "Stadtwerke Hanau".
ORGANISATION_HEADS: tuple[str, ...] = (
    "Landeshauptstadt",
    "Hansestadt",
    "Universitätsstadt",
    "Kreisstadt",
    "Stadt",
    "Gemeinde",
    "Landkreis",
    "Kreis",
    "Bezirk",
    "Stadtverwaltung",
    "Stadtwerke",
    "Universität",
    "Hochschule",
    "Fachhochschule",
    "Technische Universität",
    "Industrie- und Handelskammer",
    "Handwerkskammer",
    "Wirtschaftsförderung",
    "Verkehrsbetriebe",
    "Sparkasse",
    "Klinikum",
    "Ministerium",
    "Bundesministerium",
    "Landesregierung",
    "Botschaft",
    "Generalkonsulat",
    "Region",
    "Provinz",
    "Partnerstadt",
    "Stadtverwaltung",
    "Bezirksregierung",
    "Landschaftsverband",
    "Regionalverband",
)
ORGANISATION_SUFFIXES: tuple[str, ...] = ("GmbH", "AG", "e.V.", "eG", "mbH", "KG", "SE", "gGmbH", "AöR")

MONTHS: dict[str, int] = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
    "jan.": 1,
    "feb.": 2,
    "febr.": 2,
    "mär.": 3,
    "apr.": 4,
    "jun.": 6,
    "jul.": 7,
    "aug.": 8,
    "sep.": 9,
    "sept.": 9,
    "okt.": 10,
    "nov.": 11,
    "dez.": 12,
}
WEEKDAYS: frozenset[str] = _words(
    """
    dienstag donnerstag freitag mittwoch montag samstag sonnabend sonntag
    """
)
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = _words(
    """
    a abs abt allg apr aug b bd bspw bzgl bzw c ca chr co d dez dipl dr dt ehem engl etc ev evtl
    feb febr fr franz frz geb gem gest ggf h hr hrsg ing inkl ital jan jh jhd jul jun kath kg lt
    max mdb mdl med min mind mio mr mrd mrs ms mär nat nov nr o ob okt phil poln prof rd rer röm
    sen sep sept sog span st stellv str techn tel tsd türk u univ usw v verh vgl vs z zzgl ä
    """
)
PRONOUNS: dict[str, str | None] = {"sie": "f", "er": "m"}

WORD_RE = re.compile(r"[^\W\d_][\w.\-’'ʼ]*", re.UNICODE)
