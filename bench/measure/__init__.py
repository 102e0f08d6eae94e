"""What ``bench/run.py`` measures: builds, sites, phases, profiles."""
