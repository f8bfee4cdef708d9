"""Arabic number formats: Arabic thousands (٬) and decimal (٫) separators, grouped by three."""

DECIMAL_SEPARATOR = "٫"
THOUSAND_SEPARATOR = "٬"
NUMBER_GROUPING = 3
