"""Short forms of cities and counties: read where the statistical tagger
takes them for places, checked against the divisions table (issue 14)."""

from extract.normalise import normalise
from extract.recognisers import find_mentions


def regions(text: str, statistical: bool = True) -> list[str]:
    return sorted({m.label for m in find_mentions(normalise(text), statistical=statistical).of("Region")})


def test_regions_city_short_forms_read_as_places_are_their_cities():
    text = "来自保定、邢台的职工代表参加了比赛。"
    assert regions(text) == ["保定市", "邢台市"]
    assert regions(text, statistical=False) == []


def test_regions_dateline_short_form_is_the_city():
    assert "海口市" in regions("南海网海口7月19日消息，会议闭幕。")


def test_regions_places_that_are_no_division_are_not_regions():
    assert regions("职工在人民大会堂参加表彰大会。") == []
