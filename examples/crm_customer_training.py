#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A CRM vendor trains its customers' partner contacts with LMS Engine.

The CRM keeps partner companies and their contacts; this script plays the
CRM's nightly job: it opens an engine (the in-memory backend, or a new SQLite
file given as the first argument), creates the customer's tenant, syncs the
partner contacts into it with their company and partner tier as user
attributes, publishes a partner-onboarding course, and prints how many
contacts each partner company has, found through attribute filters.

It checks what it prints against the data it synced and exits non-zero on
any mismatch, so it doubles as a test:

    PYTHONPATH=build/release/python python3 examples/crm_customer_training.py
"""

from __future__ import annotations

import datetime
import sys

import lms

# The CRM's partner companies and their tiers.
PARTNERS = {
    "Northwind Traders": "gold",
    "Contoso Ltd": "gold",
    "Fabrikam Inc": "silver",
    "Tailspin Toys": "silver",
    "Wingtip Supplies": "bronze",
}
FIRST_NAMES = ["Ada", "Bo", "Chen", "Dana", "Emil", "Farah", "Gus", "Hana", "Ivo", "Jun"]
LAST_NAMES = ["Alvarez", "Berg", "Costa", "Dube", "Eriksen", "Fuchs"]
CONTACTS = 30


def partner_contacts() -> list[dict]:
    """The CRM's contacts, made up deterministically and spread unevenly
    over the partner companies."""
    companies = list(PARTNERS)
    contacts = []
    for i in range(CONTACTS):
        company = companies[(i * 7 + i // 4) % len(companies)]
        first, last = FIRST_NAMES[i % len(FIRST_NAMES)], LAST_NAMES[i % len(LAST_NAMES)]
        contacts.append(
            {
                "key": f"crm-contact-{i + 1:04}",
                "display_name": f"{first} {last}",
                "email": f"{first.lower()}.{last.lower()}{i + 1}@partner.example",
                "attributes": {"company": company, "partner_tier": PARTNERS[company]},
            }
        )
    return contacts


def check(ok: bool, what: str) -> None:
    """Stops the script with a non-zero status when `ok` is false."""
    if not ok:
        print(f"MISMATCH: {what}", file=sys.stderr)
        sys.exit(1)


def main(argv: list[str]) -> int:
    clock = lms.ManualClock(datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.timezone.utc))
    engine = (
        lms.Engine(argv[1], clock=clock)
        if len(argv) > 1
        else lms.Engine(backend="memory", clock=clock)
    )
    with engine:
        tenant = engine.create_tenant(lms.SYSTEM, key="customer-42", name="Customer 42")
        contacts = partner_contacts()

        result = engine.sync_users(lms.SYSTEM, tenant.id, contacts)
        print(f"synced {len(contacts)} partner contacts: {result.created} created")
        check(result.created == CONTACTS, f"created {result.created}, expected {CONTACTS}")
        again = engine.sync_users(lms.SYSTEM, tenant.id, contacts)
        check(again.unchanged == CONTACTS, f"second sync changed {CONTACTS - again.unchanged}")

        engine.create_course(
            lms.SYSTEM,
            tenant.id,
            key="partner-onboarding",
            title="Partner onboarding",
            activities=[
                lms.Activity("crm-basics", "lesson", "CRM basics"),
                lms.Activity("deal-registration", "lesson", "Registering a deal"),
                lms.Activity("certification", "assessment", "Partner certification"),
            ],
            recertification_days=365,
        )
        course = engine.publish_course(lms.SYSTEM, tenant.id, "partner-onboarding")
        print(f"course {course.title!r} v{course.version} is {course.status}")

        print()
        print(f"{'partner company':<20} {'tier':<7} {'contacts':>8}")
        total = 0
        for company, tier in PARTNERS.items():
            users = list(
                engine.iter_users(lms.SYSTEM, tenant.id, attributes={"company": company})
            )
            expected = sum(c["attributes"]["company"] == company for c in contacts)
            print(f"{company:<20} {tier:<7} {len(users):>8}")
            check(len(users) == expected, f"{company}: {len(users)} listed, {expected} synced")
            check(
                all(u.attributes["partner_tier"] == tier for u in users),
                f"{company}: a contact with another tier",
            )
            total += len(users)
        print(f"{'total':<28} {total:>8}")
        check(total == CONTACTS, f"companies add up to {total}, not {CONTACTS}")

        for tier in sorted(set(PARTNERS.values())):
            by_tier = engine.list_users(
                lms.SYSTEM, tenant.id, attributes={"partner_tier": tier}, limit=1000
            ).users
            expected = sum(c["attributes"]["partner_tier"] == tier for c in contacts)
            check(len(by_tier) == expected, f"tier {tier}: {len(by_tier)} listed, {expected}")
        print("all counts check out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
