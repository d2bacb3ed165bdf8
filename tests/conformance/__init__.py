"""Conformance data sets from other projects, for checking this project's readers against them."""
