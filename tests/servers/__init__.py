"""Real servers for tests, on 127.0.0.1 and free ports, in temporary directories.

- :mod:`servers.dovecot`: Dovecot (IMAP, LMTP) with a private config and Maildir,
  users in a passwd-file that can grow while it runs;
- :mod:`servers.smtp_relay`: an aiosmtpd SMTP server that delivers each message into
  Dovecot over LMTP (one recipient per LMTP transaction) and remembers it;
- :mod:`servers.radicale_server`: Radicale, with htpasswd plain auth or none;
- :mod:`servers.fixtures`: the pytest fixtures; a test module binds the ones it uses.

A missing Dovecot is a failure that says to run ``scripts/install-test-servers``,
never a silent skip. Tests using these are marked ``@pytest.mark.servers``.
"""
