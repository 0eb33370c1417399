"""Language data for finding personal data: how people write identity numbers and e-mail
addresses when they do not write them plainly."""

# between the date and the personal number of a fødselsnummer (``010190 12345``,
# ``010190-12345``, ``010190.12345``), or inside the date (``01.01.90 12345``): space,
# no-break space, narrow no-break space, thin space, figure space, hyphen, non-breaking
# hyphen, en dash, dot
ID_SEPARATORS = " \u00a0\u202f\u2009\u2007-\u2011\u2013."

# "ola(at)eksempel.no", "ola [at] eksempel.no", "ola {at} …", "ola (krøllalfa) …"
AT_BRACKETED = ("at", "krøllalfa", "krollalfa", "alfakrøll")
# "ola at eksempel.no", "ola krøllalfa eksempel punktum no": words between spaces
AT_WORDS = ("at", "krøllalfa", "krollalfa", "alfakrøll")
# "eksempel(dot)no", "eksempel [punktum] no", "eksempel dot no"
DOT_WORDS = ("dot", "punktum", "prikk")

# top-level domains accepted after a spelled-out " at " (the word "at" is common
# Norwegian: "mener at vi.no" must not read as an address); bracketed spellings accept any
COMMON_TLDS = ("no", "com", "net", "org", "se", "dk", "fi", "is", "eu", "de", "uk", "nl",
               "io", "info", "biz", "online", "me", "co", "edu", "gov", "int")
# mail providers whose addresses people write as "ola at gmail.com"
MAIL_PROVIDERS = ("gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo",
                  "icloud", "me", "online", "proton", "protonmail", "getmail", "broadpark",
                  "altibox", "telia", "start", "frisurf", "c2i", "lyse", "mail")
