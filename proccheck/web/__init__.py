"""The local web page (`proccheck serve`): a thin layer over `proccheck.tender` and
`proccheck.api` for officers who work in a browser, not a terminal.

`app.create_app` builds the Starlette application, `security` guards every request (token,
Host header, CSRF, upload names and sizes), `jobs` runs and caches the checks, `server` starts
uvicorn on 127.0.0.1.
"""
