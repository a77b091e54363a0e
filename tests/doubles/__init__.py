"""Loopback doubles of Microsoft's mail services, for tests without a tenant.

- :mod:`doubles.ews_double`: an HTTP(S) server speaking EWS SOAP (Exchange 2016
  on premises) from Microsoft's documented request and response payloads;
- :mod:`doubles.graph_double`: an HTTPS server for the Graph mail, calendar and
  group endpoints the bot uses, plus the Entra ID token endpoint msal calls;
- :mod:`doubles.mailstore`: the mailboxes both doubles serve, built from .eml bytes;
- :mod:`doubles.tls`: a throw-away CA and a certificate for 127.0.0.1.

Both are strict: they refuse what the real service would refuse (an unknown SOAP
operation or action, a missing impersonation header, a missing or wrong bearer
token, a $select naming a property that does not exist, a missing permission) so
that the real exchangelib, msal and httpx code is tested over real HTTP. They
listen on 127.0.0.1 only, on free ports, and record what they were asked.
"""
