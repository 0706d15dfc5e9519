for x in y if z: pass
