import pytest
from conftest_helpers import make_config


@pytest.fixture
def config(home):
    return make_config(home)
