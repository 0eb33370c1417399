"""Key phrases: Norwegian noun-phrase candidates, scored and de-duplicated."""
