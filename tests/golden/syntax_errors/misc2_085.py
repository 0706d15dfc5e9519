"abc" "def" ghi
