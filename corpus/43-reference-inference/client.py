g = Group("g", [Node("a", 1), Node("b", 20), Node("c", 300)])
print(g.enumerate_refs(), g.zip_refs(), g.conditional_ref(True), g.conditional_ref(False))
print(g.next_iter_ref(), g.reversed_copy(), g.list_copy(), g.annotated_local())
print(g.dict_comprehension(), g.tuple_list(), g.star_unpack(), g.rebound_local())
