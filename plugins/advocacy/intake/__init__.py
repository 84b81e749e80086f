"""Contributions coming in: a new case file (``advocacy new``), the issue form and the case made from a submitted
issue, the texts of the pull request that carries it, and the preview of one case. Imports the site layer and
below."""
