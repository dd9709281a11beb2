"""The link's tests run on both radios: a test that takes ``backend`` runs once over the
in-process bleak backend ("sim") and once over real ATT through bumble ("bumble"; skipped only
where bumble is not installed). The fixture only names the backend: the test body opens the
link (``link_harness.open_link``), because bumble's hosts must start inside the test function
for looptime to fast-forward them."""

from __future__ import annotations

import pytest
from link_harness import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The radio under the link: "sim" or "bumble"."""
    name = request.param
    assert isinstance(name, str)
    return name
