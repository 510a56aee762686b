"""The default threshold rule: steady against retraining noise, decided on dev figures."""

from allegiance.training import default_threshold

TARGET = 0.85


def test_the_current_default_stays_while_a_lower_one_reaches_the_target_only_on_average():
    precision = {0.5: [0.82, 0.83], 0.6: [0.84, 0.862], 0.7: [0.87, 0.89]}
    assert sum(precision[0.6]) / 2 > TARGET  # the mean alone would move it
    assert default_threshold(precision, current=0.7, target=TARGET) == 0.7


def test_it_moves_down_where_every_fold_assignment_reaches_the_target():
    precision = {0.5: [0.83, 0.86], 0.6: [0.851, 0.86], 0.7: [0.87, 0.89]}
    assert default_threshold(precision, current=0.7, target=TARGET) == 0.6


def test_it_moves_up_to_the_lowest_mean_that_reaches_the_target_when_the_current_falls_short():
    precision = {0.6: [0.80, 0.82], 0.7: [0.84, 0.85], 0.8: [0.84, 0.87], 0.9: [0.9, 0.95]}
    assert default_threshold(precision, current=0.7, target=TARGET) == 0.8


def test_the_highest_threshold_when_none_reaches_the_target():
    precision = {0.0: [0.3, 0.3], 0.5: [0.6, 0.7], 0.9: [0.7, 0.8]}
    assert default_threshold(precision, current=0.5, target=TARGET) == 0.9
