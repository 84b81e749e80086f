"""What the tests share: helpers and test data, imported by test modules and conftest.py (never tests)."""
