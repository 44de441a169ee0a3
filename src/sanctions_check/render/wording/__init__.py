"""Every sentence the tool prints, split by the feature that prints it.

``common`` holds what several features share; each other module is one feature's words
(``report``, ``brief``, ``assess``, ``score``, ``compare``, ``history``, ``panel``,
``framework``) or the command line's own messages (``errors``). Sentences only: a sentence may
take its own small form (a plural, an optional clause, a dash for a missing figure), but which
sentence a case gets (a closed gate or an unresolved one, a flag raised or not ruled out) is
decided by the view builders.
"""
