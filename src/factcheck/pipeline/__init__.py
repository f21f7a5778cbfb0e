"""Pipeline: validate the registers, build (cached, parallel, staged), refresh (online), bench and the command line (`python -m factcheck`)."""
