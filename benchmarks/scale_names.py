"""Word lists for the scale database: German, Polish and Turkish names, places and phrases.

Chosen so that the hard cases of search and sorting occur often: umlauts and ß (Müller, Straße),
Polish letters (ł, ś, ż, ń) and Turkish ones (ç, ş, ğ, ı, İ) — "kucuk" must find Küçük.
"""

# Word lists read best as paragraphs.
# fmt: off

GERMAN_FIRST = (
    "Anna", "Jürgen", "Jörg", "Käthe", "Björn", "Günther", "Sören", "Dominik", "Lena", "Maximilian",
    "Ute", "Hans-Peter", "Bärbel", "Annegret", "Sebastian", "Katharina", "Jan", "Lukas", "Marie",
    "Friederike", "Torsten", "Ingrid", "Heike", "Matthias", "Stefanie", "Tobias", "Ursula", "Wolfgang",
)
GERMAN_LAST = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
    "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
    "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
    "Krause", "Meier", "Lehmann", "Köhler", "Großmann", "Kuhn", "Kuhne", "Straßburger", "Jäger",
    "Förster", "Böhm", "Kühn", "Vogt", "Engel", "Dietrich", "Brandt", "Haas", "Heinrich", "Ludwig",
)
POLISH_FIRST = (
    "Łukasz", "Małgorzata", "Grzegorz", "Agnieszka", "Paweł", "Katarzyna", "Michał", "Joanna",
    "Wojciech", "Zofia", "Krzysztof", "Bożena", "Jędrzej", "Dorota", "Tomasz", "Elżbieta", "Przemysław",
)
POLISH_LAST = (
    "Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowska", "Zieliński",
    "Szymański", "Woźniak", "Dąbrowski", "Kozłowska", "Jankowski", "Mazur", "Wojciechowski",
    "Kwiatkowska", "Krawczyk", "Piotrowski", "Grabowska", "Nowakowski", "Pawłowski", "Michalska",
    "Król", "Wieczorek", "Jabłoński", "Wróbel", "Majewska", "Olszewski", "Stępień", "Małecki", "Żak",
)
TURKISH_FIRST = (
    "Ayşe", "Mehmet", "Fatma", "Mustafa", "Emine", "Ahmet", "Hatice", "Hüseyin", "Zeynep", "İbrahim",
    "Özlem", "Çağla", "Gökhan", "Şebnem", "Ümit", "Ilkay", "Nurşen", "Barış", "Derya", "Oğuz",
)
TURKISH_LAST = (
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir",
    "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Küçük",
    "Kücük", "Güneş", "Erdoğan", "Acar", "Bulut", "Tekin", "Uçar", "Ağaoğlu", "Karagöz",
)
# Each origin with its weight: most staff and contacts of a German city administration are German.
ORIGINS = (
    (GERMAN_FIRST, GERMAN_LAST, 6),
    (POLISH_FIRST, POLISH_LAST, 2),
    (TURKISH_FIRST, TURKISH_LAST, 2),
)
TITLES = (None, None, None, None, None, None, "Dr.", "Prof. Dr.", "Dipl.-Ing.", "Mag.")

CITIES = (
    ("Hanau", "DE"), ("Bochum", "DE"), ("Köln", "DE"), ("München", "DE"), ("Düsseldorf", "DE"),
    ("Görlitz", "DE"), ("Lüneburg", "DE"), ("Fürth", "DE"), ("Straßburg", "FR"), ("Kraków", "PL"),
    ("Łódź", "PL"), ("Gdańsk", "PL"), ("Wrocław", "PL"), ("Poznań", "PL"), ("İzmir", "TR"),
    ("İstanbul", "TR"), ("Eskişehir", "TR"), ("Muğla", "TR"), ("Çanakkale", "TR"), ("Gaziantep", "TR"),
)
STREETS = (
    "Hauptstraße", "Bahnhofstraße", "Schloßstraße", "Marktplatz", "Rathausstraße", "Am Großen Garten",
    "ul. Długa", "ul. Świętokrzyska", "Atatürk Caddesi", "İnönü Bulvarı", "Kirchgäßchen",
)
ORG_PATTERNS = (
    ("Stadtverwaltung {city}", "city_administration"),
    ("Stadtwerke {city} GmbH", "municipal_company"),
    ("Universität {city}", "university"),
    ("Urząd Miasta {city}", "city_administration"),
    ("{city} Büyükşehir Belediyesi", "city_administration"),
    ("Industrie- und Handelskammer {city}", "association"),
    ("Förderverein {street} {city} e.V.", "association"),
    ("{last} & Söhne Maschinenbau {city}", "company"),
    ("Ministerstwo Rozwoju, Oddział {city}", "ministry"),
    ("Verkehrsbetriebe {city} AöR", "municipal_company"),
)
FUNCTIONS = (
    "Oberbürgermeister", "Bürgermeisterin", "Stadtkämmerer", "Referentin für Städtepartnerschaften",
    "Leiter des Büros für Internationales", "Dolmetscherin", "Pressesprecher", "Amtsleiterin Straßenbau",
    "Prezydent Miasta", "Zastępca Prezydenta", "Belediye Başkanı", "Genel Sekreter", "Dekan",
    "Geschäftsführer", "Sachbearbeiterin", "Stadtverordneter", "Wirtschaftsförderer",
)
DEPARTMENTS = (
    None, "Hauptamt", "Amt für Wirtschaftsförderung", "Büro des Oberbürgermeisters", "Straßenverkehrsamt",
    "Wydział Promocji", "Dış İlişkiler Müdürlüğü", "Kulturamt",
)
TOPICS = (
    "Fahrradverkehr", "Klimaanpassung", "Wärmeplanung", "Digitalisierung der Verwaltung",
    "Städtepartnerschaft", "Jugendaustausch", "Straßenbahnausbau", "Hochwasserschutz", "Ausbildung",
    "Współpraca gospodarcza", "Kentsel dönüşüm", "Integration", "Wasserstoff", "Kreislaufwirtschaft",
)
VISIT_PATTERNS = (
    "Delegationsreise nach {city}",
    "Besuch der Delegation aus {city}",
    "Fachaustausch {topic} in {city}",
    "Arbeitsbesuch {city}: {topic}",
    "Wizyta delegacji z {city}",
    "{city} heyeti ziyareti",
)
QUOTE_PHRASES = (
    "Wir wollen die Partnerschaft beim Thema {topic} vertiefen.",
    "Die Erfahrungen aus {city} mit {topic} sind für uns sehr wertvoll.",
    "Unsere Straßen sind für den Radverkehr noch nicht gemacht, aber wir arbeiten daran.",
    "Chcemy kontynuować współpracę w zakresie {topic}.",
    "{topic} konusunda işbirliğimizi güçlendirmek istiyoruz.",
    "Ohne die Bürgerinnen und Bürger geht es nicht: Beteiligung ist der Schlüssel.",
    "Der Austausch zwischen {city} und unserer Stadt hat sich über Jahrzehnte bewährt.",
    "Wir laden Sie herzlich zum Gegenbesuch nach {city} ein.",
)
CONTACT_PHRASES = (
    "Telefonat mit {name} zu {topic}",
    "E-Mail an {name}: Unterlagen zu {topic} geschickt",
    "Treffen mit {name} in {city}, Nachbereitung {topic}",
    "Videokonferenz {city}: {topic}, nächste Schritte vereinbart",
    "Spotkanie z {name} w sprawie {topic}",
    "{name} ile görüşme: {topic}",
)
FOLLOWUP_PHRASES = (
    "Protokoll an {name} schicken",
    "Gegenbesuch in {city} vorbereiten",
    "Unterlagen zu {topic} übersetzen lassen",
    "Dankschreiben an {name}",
    "Fotos der Straßenbegehung an die Presse",
    "Termin mit {name} zu {topic} vereinbaren",
)
AGENDA_PHRASES = (
    "Empfang im Rathaus", "Stadtrundgang durch die Altstadt", "Fachgespräch {topic}",
    "Mittagessen mit dem Oberbürgermeister", "Besichtigung der Kläranlage", "Pressetermin",
    "Besuch der Universität", "Abendessen", "Eintrag ins Goldene Buch", "Workshop {topic}",
)
