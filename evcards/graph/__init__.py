"""The relation graph without Qt: which entities are linked, and where each is drawn.

`neighbourhood` builds the graph around an entity or of the whole knowledge base; `layout`
places it with networkx. The Qt view (`evcards.gui.graph_view`) only draws what these give.
"""
