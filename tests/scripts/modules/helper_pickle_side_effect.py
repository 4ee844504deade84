# Helper for pickle_safe_mode.py: a module whose import has a visible effect, named by a malicious pickle that safe mode must refuse without importing it.
print('PWNED: helper_pickle_side_effect was imported')


def run(text):
    print(text)
