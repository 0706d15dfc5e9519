if x y: pass
