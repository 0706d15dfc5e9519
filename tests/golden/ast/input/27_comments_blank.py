# leading comment

x = 1  # trailing comment
# between

if x:  # comment after colon
    # comment in block

    y = 2
        # oddly indented comment
    z = 3
# comment at end
