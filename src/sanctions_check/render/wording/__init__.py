"""Every sentence the tool prints, split by the feature that prints it.

``common`` holds what several features share; each other module is one feature's words
(``report``, ``brief``, ``assess``, ``score``, ``compare``, ``history``, ``panel``,
``framework``) or the command line's own messages (``errors``). Sentences only: which sentence a
case gets is decided by the view builders, never here.
"""
