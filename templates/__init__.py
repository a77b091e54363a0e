"""Data files shipped inside the wheel; load with importlib.resources."""
