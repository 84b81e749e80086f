"""The user-interface strings of each site language (``<code>.yml`` in this folder) and their reader. Data that
every part may read: imports nothing else of the hub."""
