def find(norm, *args):
    return []
