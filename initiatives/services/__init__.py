"""Every write on initiatives happens in one of these modules, as keyword-only functions named
`<thing>_<verb>`, each in one transaction. Emails are sent from here, never from signals or save()."""
