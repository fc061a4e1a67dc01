"""Languages: detection, gettext catalogs, the NLG renderer and Babel formatting."""
