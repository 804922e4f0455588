"""Recognisers: each finds one kind of mention and changes nothing.

``find_mentions`` runs them in order over a normalised text and returns the
raw mentions (not yet resolved against the article's context) and the posts
read from title chains.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.records import Mention
from extract.recognisers import (concepts, documents, events, organizations, persons, posts,
                                 programmes, regions)
from extract.recognisers.posts import Post


@dataclass
class Found:
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)

    def of(self, type_: str) -> list[Mention]:
        return [m for m in self.mentions if m.type == type_]


def find_mentions(norm) -> Found:
    regs = regions.find(norm)
    orgs = organizations.find(norm, regs)
    chain_posts = posts.find(norm, orgs)
    holders = [p.person for p in chain_posts if p.person is not None]
    people = persons.find(norm, holders)
    found = Found(regs + orgs + holders + people, chain_posts)
    found.mentions += events.find(norm)
    found.mentions += documents.find(norm)
    found.mentions += programmes.find(norm)
    found.mentions += concepts.find(norm, found.mentions)
    return found
