"""The recognition rules of the French temporal tagger, as data: (name, pattern) in priority order.

Each pattern is a regular expression written with building blocks ``<NAME>`` that
:mod:`analysis.timeline.recognise` fills in from :mod:`analysis.timeline.data.vocabulary` (``<MONTH>``
is every month name, ``<UNIT>`` every unit, ``<S>`` a space, ``<B>``/``<E>`` the word limits, ...).
The patterns run over lowercased text. Which value a match gets is decided by the normaliser named
like the rule (:mod:`analysis.timeline.resolve`, :mod:`analysis.timeline.measures`).
"""

from __future__ import annotations

#: The rules, in priority order: (name, pattern). ``<NAME>`` are building blocks.
RULES: tuple[tuple[str, str], ...] = (
    ("numeric_date", r"<B>(?:(?:le|Le)<S>)?(?:\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})|\d{1,2}-\d{1,2}-\d{4}"
                     r"|\d{4}-\d{2}-\d{2}(?:[tT][012]\d:[0-5]\d)?|\d{4}\.\d{2}\.\d{2}|(?<=le\s)(?:[012]?\d|3[01])/(?:0?[1-9]|1[0-2]))"
                     r"(?![\d/.,:-]?\d)(?!\s*%)"),
    ("holiday", r"<B>(?:(?:cette<S>fête<S>de<S>)?<HOLIDAY>)(?:<S><YEAR4>)?<E>"),
    ("full_date", r"<B>(?:(?:le|Le|LE)<S>)?(?:<WEEKDAY><S>)?<DAYNUM><S>(?:de<S>)?<MONTHANY>"
                  r"(?:<S>(?:<YEAR4>|'?\d\d(?![\d\w])))?(?:<S>(?:dernier|derniers|prochain|prochains)<E>)?"
                  r"(?:<S>(?:au<S>)?<DAYPART>)?"),
    ("list_date", r"<B>(?:(?:les|Les|le|Le)<S>)?(?:<WEEKDAY><S>)?<DAYNUM>(?=(?:\s*(?:,|et|au|à|-|ou)\s*"
                  r"(?:le<S>)?(?:<WEEKDAY><S>)?<DAYNUM>){1,<MAXLIST>}<S>(?:de<S>)?<MONTHANY>)"),
    ("month_year", r"<B><PART>?(?:(?:le<S>)?mois<S>(?:de<S>|d<A>))?<MONTHANY><S>(?:de<S>l<A>année<S>|de<S>)?"
                   r"(?:<YEAR4>|'?\d\d(?![\d\w]|\s*h\b|\s*%|\s*[€$]))"
                   r"|<B><PART>?(?:(?:le<S>)?mois<S>(?:de<S>|d<A>))?<MONTH><S>de<S>(?:cette<S>année"
                   r"|l<A>année<S>(?:dernière|prochaine|passée|en<S>cours))<E>"),
    ("decade", r"<B><PART>?(?:les<S>|des<S>)?années<S>(?:<YEAR4>|[1-9]0(?!\d))"),
    ("century", r"<B><PART>?(?:le<S>|Le<S>)?(?:(?:[IVXLivxl]+|\d{1,2})(?:e|è|ème|eme|ᵉ|er)|<ORDW>)<S>(?:siècle|millénaire)<E>"
                r"(?:<S><BC>)?"),
    ("year_bc", r"<B>(?:l<A>an<S>)?\d{1,4}<S><BC>"),
    ("year_noun", r"<B><PART>?(?:l<A>année|l<A>an|année|an)<S><YEAR4>"),
    ("month", r"<B><PART>?(?:(?:le<S>)?mois<S>(?:de<S>|d<A>))?<MONTH>"
              r"(?:<S>(?:dernier|derniers|prochain|prochains|passé)<E>)?"),
    ("year", r"<B><PART>?(?:<YEAR4>|(?<=(?:1[0-9]|20)\d\d-)\d\d(?![\d\w]))"),
    ("relative_day", r"<B><RELDAY>(?:<S><WEEKDAY><E>)?(?:<S>(?:en<S>)?(?:(?:début|fin|milieu)<S>?d<A>)?<DAYPART>)?"),
    ("this_daypart", r"<B>(?:(?:ce|cet|cette|Ce|Cet|Cette)<S>(?:même<S>)?(?:<WEEKDAY><S>)?<DAYPART>(?:-(?:ci|là))?"
                     r"|la<S>nuit<S>dernière<E>|la<S>(?:soirée|matinée|nuit|mi-journée)(?![\w-])"
                     r"|(?:(?<=pendant\s)|(?<=durant\s)|(?<=dans\s))la<S>journée(?![\w-])"
                     r"|(?:début|fin|Début|Fin)<S>(?:de<S>)?(?:soirée|matinée|journée)<E>"
                     r"|(?:(?<=en\s)|(?<=dans\s))(?:soirée|matinée)<E>"
                     r"|(?:<PART>)d<A>après-midi<E>)"),
    ("anaphoric_day", r"<B>(?:(?:le<S>)?(?:lendemain|surlendemain)(?:<S><DAYPART>)?|(?:la<S>)?(?:avant-)?veille"
                      r"(?:<S>au<S><DAYPART>)?|le<S>même<S>jour|(?:le|la)<S>(?:matin|soir|soirée|nuit|matinée)<S>même)<E>"),
    ("day_alone", r"<B>(?:le|Le)<S><DAYNUM>(?=\s*,)|(?:(?<=depuis\s)|(?<=dès\s))le<S><DAYNUM>(?![\w-]|\s*(?:h\b|heures?\b|%|\d))"),
    ("weekday_day", r"<B>(?:(?:le|Le|ce|Ce)<S>)?<WEEKDAY><S><DAYNUM>(?!\s*(?:h\b|H\b|heures?\b|[:,.]?\d|%))"
                    r"(?!<S>(?:de<S>|d<A>)?<MONTHANY>)(?:<S><DAYPART>)?<E>"),
    ("weekday", r"<B>(?:(?:le|Le|ce|Ce)<S>)?(?:même<S>)?<WEEKDAY><E>(?:<S>(?:dernier|prochain|passé|précédent|suivant)<E>)?"
                r"(?:<S><DAYPART>)?(?:<S>(?:dernier|prochain)<E>)?"),
    ("ago", r"<B>(?:il<S>y<S>a|voilà|voici)<S><QTY>(?:<S>|(?<=['’\s]))<UNIT>(?:<S>et<S>demie?)?"),
    ("in", r"<B>(?:dans|d<A>ici)<S><QTY>(?:<S>|(?<=['’\s]))<UNIT>(?:<S>et<S>demie?)?"),
    ("relative_unit", r"<B><PART>?(?:(?:l<A>|la<S>|le<S>|cette<S>|ce<S>|cet<S>|Cette<S>|Ce<S>|Cet<S>)"
                      r"(?:même<S>)?)?<RELUNIT>(?:-ci|-là|<S><SHIFT>|<S>(?:<YEAR4>))?"),
    ("season", r"<B>(?:(?:(?:les<S>)?mois<S>d<A>|(?<=en\s)|(?<=au\s))<SEASON>"
               r"|(?:l<A>|cet<S>|ce<S>)<SEASON>)(?:<S>(?:<YEAR4>|de<S>(?:<YEAR4>|\d\d(?![\d\w]))|dernier|prochain"
               r"|passé)<E>)?"),
    ("set", r"<B>(?:(?:chaque|tous<S>les|toutes<S>les|Chaque|Tous<S>les|Toutes<S>les)<S>(?:<QTY><S>)?"
            r"(?:<UNIT>|<WEEKDAY>s?<E>|<DAYPARTWORD>s?<E>|<SEASON>|<MONTH>)"
            r"|(?:<QTY><S>fois<S>)?par<S><PERUNIT><E>|<SETADJ><E>"
            r"|(?:les|Les)<S><WEEKDAY>s<S><DAYPARTWORD>s?<E>"
            r"|(?:certains|Certains|certaines|Certaines)<S>(?:jours|semaines|<WEEKDAY>s|<DAYPARTWORD>s)<E>)"),
    ("part_of_year", r"<B>(?:(?:le|Le|ce|Ce)<S>)?(?:premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e"
                     r"|dernier)<S>(?:trimestre|semestre)(?:<S>(?:<YEAR4>|de<S>l<A>année(?:<S>(?:dernière|prochaine"
                     r"|en<S>cours|passée))?|de<S>cette<S>année))?<E>"
                     r"|<B>(?:la|La)<S>(?:première|seconde|deuxième)<S>moitié<S>(?:de<S>l<A>année(?:<S>(?:dernière"
                     r"|prochaine|en<S>cours|passée))?|de<S>cette<S>année|de<S><YEAR4>)<E>"),
    ("vague_duration", r"<B>(?:(?:(?:ces|les|Ces|Les)<S>)?(?:derniers|dernières|prochains|prochaines)<S><UNIT>"
                       r"|(?:les|des|ces|Les|Des|Ces)<S><UNIT><S>(?:à<S>venir|suivants|suivantes|précédents"
                       r"|précédentes|passés|passées|écoulés|écoulées)<E>"
                       r"|(?:toute|Toute)<S>(?:la<S>(?:semaine|journée|nuit|matinée|soirée)|l<A>année)<E>"
                       r"|(?:tout|Tout)<S>le<S>(?:mois|week-end|trimestre|semestre|siècle)<E>)"),
    ("duration", r"<B>(?:<MODW>(?:<S>|(?<=['’])))?(?:(?:les|ces|Les|Ces)<S>(?:(?:derniers|dernières|prochains"
                 r"|prochaines)<S>)?)?"
                 r"(?:une?<S>demi-(?:heure|journée|siècle)<E>|<QTY>(?:<S>|(?<=['’\s]))(?:(?:derniers|dernières|prochains|prochaines"
                 r"|petites?|longues?|bonnes?)<S>)?<UNIT>(?:<S>et<S>demie?<E>)?)"),
    ("duration_noun", r"<B>(?:le<S>|un<S>|ce<S>|son<S>)?<DURNOUN><E>"),
    ("time", r"<B>(?:(?:vers|environ|aux<S>alentours<S>de|autour<S>de|Vers)<S>)?(?:[01]?\d|2[0-4])<S>?(?:h|H)"
             r"(?:<S>?[0-5]\d)?(?![\w])(?:<S>(?:du<S>matin|du<S>soir|de<S>l<A>après-midi)<E>)?"
             r"|<B>(?:(?:vers|Vers)<S>)?(?:[01]?\d|2[0-3]):[0-5]\d(?![\d])"
             r"|<B>(?:(?:vers|Vers)<S>)?(?:[01]?\d|2[0-4])<S>heures?(?:<S>[0-5]\d)?<E>"
             r"(?:<S>(?:du<S>matin|du<S>soir|de<S>l<A>après-midi)<E>)?"
             r"|<B>(?:(?:vers|Vers|aux<S>alentours<S>de)<S>)?<NUMW><S>heures?(?:<S>et<S>(?:demie|quart)"
             r"|<S>moins<S>(?:le<S>quart|cinq|dix|vingt))?<E>(?:<S>(?:du<S>matin|du<S>soir|de<S>l<A>après-midi)<E>)?"
             r"|(?:(?<=à\s)|(?<=vers\s))(?:midi|minuit)<E>"),
    ("vague", r"<B><VAGUEREF><E>"),
)
