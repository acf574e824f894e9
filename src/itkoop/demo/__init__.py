"""The demo database behind `itkoop demo`: a composition root, not a Django app.

It is the one place outside an app that may write any app's models directly, so that the demo can be built in
bulk in seconds; the apps themselves know nothing of it (see the import contracts in pyproject.toml)."""
