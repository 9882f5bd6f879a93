"""First names with their grammatical gender ('f'/'m'), for finding people in a release and
for resolving "sagte sie". Common German names and the names of the largest immigrant and
partner-city communities (Turkish, Polish, Italian, French, English, Arabic, Ukrainian …).
A name missing here is still found by the other cues (a function before it, an apposition
after it, a speech verb, a list of names).
"""

_FEMALE = """
Adelheid Agnes Agnieszka Aleksandra Alexandra Alice Alina Aline Amelie Ana Anastasia Andrea Angela
Angelika Anita Anja Anke Anna Annalena Anne Annegret Anneliese Annette Annika Antje Antonia Ayla
Ayşe Aylin Barbara Beate Beatrix Bettina Bianca Birgit Brigitte Britta Carina Carla Carmen
Carolin Caroline Charlotte Christa Christel Christiane Christina Christine Claudia Cornelia
Dagmar Daniela Diana Doris Dorothea Edith Elena Eleni Elif Elisabeth Elke Ella Ellen Elsa Emilia
Emily Emine Emma Erika Esra Esther Eva Evelyn Fatma Fatima Franziska Frauke Friederike Gabriele
Gerda Gertrud Gisela Gudrun Hanna Hannah Hannelore Heidi Heike Helen Helena Helga Henriette
Hildegard Ilse Ina Ines Inga Inge Ingrid Irene Iris Irina Isabel Isabell Isabella Isabelle Jana
Janina Jasmin Jennifer Jessica Johanna Josefine Judith Julia Juliane Jutta Karin Karina Katarzyna
Katharina Kathrin Katja Katrin Kerstin Kim Klara Claire Kristina Larissa Laura Lea Lena Leonie Lina
Linda Lisa Lotte Louisa Luisa Luise Lydia Magdalena Maja Malgorzata Małgorzata Manuela Mareike
Margarete Margit Maria Marianne Marie Marina Marion Marlene Martina Mathilde Maria Melanie
Merve Michaela Miriam Monika Nadine Nadja Natalia Natalie Nicole Nina Nora Olga Paula Petra
Pia Renate Rita Rosemarie Ruth Sabine Sabrina Sandra Sara Sarah Saskia Selin Silke Simone Sofia
Sonja Sophia Sophie Stefanie Stephanie Susanne Svenja Sylvia Tanja Tatjana Teresa Theresa Ulla
Ulrike Ursula Ute Valentina Vanessa Vera Verena Veronika Viktoria Waltraud Wiebke Yvonne Zeynep
Zofia Zuzanna Gül Gülşen Hatice Songül Nurcan Derya Deniz Şule Büşra Özlem Sevgi Hülya Dilek
Ewa Joanna Magda Dorota Beata Marta Renata Krystyna Halina Irena Oksana Olena Yulia Iryna Natalja
Chiara Giulia Francesca Giovanna Elisa Federica Amélie Céline Chloé Élise Hélène Mathilde Sylvie
Nathalie Isabeau Brigitta Maud Mette Ingeborg Astrid Sigrid Karen Kirsten Susan Mary Elizabeth
Jane Emma Sue Helen Leila Layla Amira Yasmin Nour Mariam Rania Samira Aisha Ayşegül Emel Nermin
Rebecca Regina Rosa Ricarda Roswitha Silvia Stella Tina Ulrike Uta Vivien Katrin Kathrin Gesine
Henrike Imke Insa Meike Maike Femke Jolanda Marijke Saskia Lieselotte Liselotte Gundula
"""
_MALE = """
Achim Adam Adrian Ahmet Ahmed Alexander Alfred Ali Andreas André Andrzej Anton Armin Arne Arnold
Axel Bastian Benedikt Benjamin Bernd Bernhard Björn Boris Burkhard Carl Carsten Christian
Christoph Christopher Claus Clemens Cem Daniel David Denes Dennis Detlef Dieter Dietmar Dirk
Dominik Eberhard Edgar Emil Emre Erik Eric Erwin Eugen Fabian Felix Florian Frank Franz Frederik
Friedrich Fritz Georg Gerd Gerhard Gregor Gunter Günter Günther Gustav Hakan Hans Harald Hartmut
Heiko Heinrich Heinz Helmut Hendrik Henning Henrik Herbert Hermann Holger Horst Hubert Hüseyin Ibrahim
Ingo Jakob Jakub Jan Jannik Jens Jörg Joachim Johann Johannes Jonas Jonathan Josef Julian
Jürgen Kai Karl Karsten Kevin Klaus Konrad Konstantin Krzysztof Kurt Lars Lennart Leon Lothar Lucas
Ludwig Lukas Łukasz Lutz Malte Manfred Marc Marcel Marco Marcus Mario Marius Mark Markus Martin
Mathias Matthias Max Maximilian Mehmet Michael Mirko Moritz Murat Mustafa Niklas Nico Nikolaus
Nils Norbert Olaf Oliver Oskar Otto Pascal Patrick Paul Peter Philipp Piotr Rainer Ralf Ralph
Reinhard Reinhold René Richard Robert Robin Roland Rolf Rüdiger Rudolf Sascha Sebastian Siegfried
Simon Stefan Stephan Steffen Sven Theo Thomas Thorsten Tim Timo Tobias Tom Tomasz Torsten Udo Ulf
Ulrich Uwe Volker Walter Werner Wilhelm Wolfgang Yusuf Yannick Zbigniew Kemal Cengiz Orhan Serkan
Volkan Burak Can Barış Oğuz Tarık Kadir Kenan Levent Erdoğan Recep Selim Tayfun Özgür Uğur Ömer Yiğit
Marek Paweł Pawel Wojciech Tadeusz Grzegorz Michał Michal Mikołaj Jerzy Janusz Stanisław Witold
Bogdan Dmytro Oleksandr Serhii Vitali Wladimir Vladimir Sergej Igor Juri Andrij Taras
Giuseppe Giovanni Luca Marco Matteo Alessandro Francesco Antonio Lorenzo Paolo Pierre Jean Jacques
François Louis Michel Philippe Étienne Olivier Nicolas Laurent Thierry José Juan Carlos Miguel
Pedro John James William George Henry Charles Edward Richard David Mohammed Mohamed Muhammad Omar
Hassan Hussein Karim Khaled Youssef Tariq Ole Sören Søren Lasse Jens Niels Bjarne Gunnar Hauke
Jochen Jost Kilian Knut Leonhard Magnus Marten Mats Nikolai Norman Pit Quirin Ruben Sönke Tilo
Tilman Till Ulrich Valentin Vincent Wendelin Wilfried Willi Wolf Hans-Peter Hans-Jürgen Karl-Heinz
Hans-Joachim Klaus-Peter Jan-Hendrik Peer
Emmanuel Emanuel Antoine Benoît Guillaume Sébastien Mathieu Yann Hugo
Ferdinand Gottfried Hannes Horst Ewald Egon Elmar Erich
"""
_NEITHER = """Kim Deniz Alex Sascha Andrea Toni Robin Jule Luca Nicola Eike Kai Mika Noah Nikita"""
# Words that look like first names but are common nouns or places in German prose.
_NOT_NAMES = {
    "Mark",
    "Rose",
    "Will",
    "Kai",
    "Fritz",
    "Mai",
    "Florian",
    "Ernst",
    "Frank",
    "Rosa",
    "Can",
    "Till",
    "Max",
}


def _split(block: str) -> set[str]:
    return set(block.split())


_AMBIGUOUS = _split(_NEITHER)
FIRST_NAMES: dict[str, str | None] = {}
for _name in _split(_FEMALE):
    FIRST_NAMES[_name] = "f"
for _name in _split(_MALE):
    FIRST_NAMES[_name] = "m"
for _name in _AMBIGUOUS:
    FIRST_NAMES[_name] = None
# A person's name can still start with these when another cue (function, apposition) says so.
WEAK_FIRST_NAMES: frozenset[str] = frozenset(_NOT_NAMES)


def first_name_gender(name: str) -> str | None:
    """'f', 'm', or None (ambiguous or unknown); hyphenated names count by their first part."""
    if name in FIRST_NAMES:
        return FIRST_NAMES[name]
    head = name.split("-", 1)[0]
    return FIRST_NAMES.get(head)


def is_first_name(word: str) -> bool:
    return word in FIRST_NAMES or word.split("-", 1)[0] in FIRST_NAMES
