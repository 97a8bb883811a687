"""What is the views' own in how they show things: how places group entities, and the group
colours. Classes, subtypes, levels and relations carry their Chinese names and colours in
``kg.vocab``, read by ``kg.views.explorer.vocabulary``."""
from __future__ import annotations

# Administrative levels that make a group when the explorer colours by district or by street.
GROUP_LEVELS: dict[str, tuple[str, ...]] = {
    "district": ("District", "County", "DevelopmentZone"),
    "street": ("Subdistrict", "Town"),
}
# Colours for groups: distinct hues, repeated when there are more groups than colours.
GROUP_COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1",
                 "#FF9DA7", "#9C755F", "#2F4B7C", "#A05195", "#D45087", "#665191", "#008080")
