b"abc" "def"
