"""Analyst dashboard of missile launches on the Korean Peninsula and the diplomacy around them."""
