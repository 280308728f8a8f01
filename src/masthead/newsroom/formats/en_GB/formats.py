"""The newsroom's date formats: 24-hour times everywhere Django formats a date (the admin)."""

DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i T"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
