from allegiance.ingest.lang import detect_language


def test_short_english_about_africa_is_english():
    # py3langid alone calls these Luganda / Nigerian Pidgin; they must not be skipped.
    assert detect_language("Kenya and Uganda signed a trade deal.") == "en"
    assert detect_language("Kenya and Uganda signed a trade deal on Monday in Nairobi.") == "en"


def test_other_languages_are_still_recognised():
    assert detect_language("Die Bundesregierung hat am Montag neue Sanktionen beschlossen.") == "de"
    assert detect_language("El gobierno de España anunció el lunes nuevas sanciones.") == "es"
