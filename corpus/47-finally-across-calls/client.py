log = Log("log")
w = Worker("w", log)
try:
    w.finally_with_pending()
except Boom as error:
    print("client got", error)
print(w.finally_return_swallows())
print(w.finally_return_overrides())
print(w.handler_calls())
try:
    w.handler_raises()
except Boom as error:
    print("handler raised", error)
print(w.else_calls())
print(w.loop_finally())
print(w.while_finally())
print(w.nested_pending())
print(w.exception_info())
for line in log.lines:
    print(" ", line)
