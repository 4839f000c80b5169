"""Class weights as scikit-learn means them, as a person types them, and the curvature of the
weighted objective."""

import math

import numpy as np
import pytest
from sklearn.datasets import make_classification
from sklearn.utils.class_weight import compute_class_weight

from logreg_gui.core.model.class_weight import (
    ClassWeights,
    class_weight_key,
    class_weight_text,
    class_weight_words,
    class_weights_of,
    is_weighted,
    parse_class_weight,
    parse_weights,
    sample_weights,
)
from logreg_gui.core.model.curvature import (
    hessian_largest_eigenvalue,
    hessian_product,
    lipschitz_constant,
    suggested_rate,
)
from logreg_gui.core.model.objective import decision_scores, gradient


def test_balanced_weights_are_n_over_classes_times_counts():
    classes = np.array(["a", "b", "c"])
    y_index = np.array([0] * 6 + [1] * 3 + [2] * 1)
    weights = class_weights_of("balanced", classes, y_index)
    np.testing.assert_allclose(weights, [10 / (3 * 6), 10 / (3 * 3), 10 / (3 * 1)])
    assert sample_weights(weights, y_index).sum() == pytest.approx(10)  # they sum to n


@pytest.mark.parametrize(
    "classes,class_weight",
    [
        (np.array([0, 1]), {1: 10.0}),
        (np.array([-1, 1]), {-1: 0.5, 1: 2.0}),
        (np.array([0, 1, 2]), {0: 2.0, 2: 0.25}),
        (np.array(["no", "yes"]), {"yes": 4.0}),
        (np.array([0, 1]), {0: 1.0, 1: 3.0, 7: 9.0}),  # every class named: extras ignored
    ],
)
def test_a_dict_weighs_as_scikit_learn_weighs_it(classes, class_weight):
    y_index = np.arange(20) % len(classes)
    expected = compute_class_weight(class_weight, classes=classes, y=classes[y_index])
    np.testing.assert_array_equal(class_weights_of(class_weight, classes, y_index), expected)


def test_none_and_an_empty_dict_weigh_nothing():
    classes, y_index = np.array([0, 1]), np.array([0, 1, 1])
    assert class_weights_of(None, classes, y_index) is None
    assert class_weights_of({}, classes, y_index) is None
    assert not is_weighted(None) and not is_weighted({})
    assert is_weighted("balanced") and is_weighted({0: 2.0})


def test_labels_that_are_not_classes_are_refused_in_one_sentence():
    with pytest.raises(ValueError) as refused:
        class_weights_of({5: 2.0}, np.array([0, 1]), np.array([0, 1]))
    text = str(refused.value)
    assert "5: 2" in text and "(0, 1)" in text and "\n" not in text


def test_the_constraint_allows_positive_finite_weights_only():
    allowed = ClassWeights()
    assert allowed.is_satisfied_by({0: 1, 1: 2.5, "x": 1e-6, np.int64(3): np.float64(2)})
    assert allowed.is_satisfied_by({})
    for bad in ({0: 0.0}, {0: -1.0}, {0: math.nan}, {0: math.inf}, {0: True}, {0: "1"},
                {True: 1.0}, {None: 1.0}, [0, 1], "balanced"):  # fmt: skip
        assert not allowed.is_satisfied_by(bad), bad


@pytest.mark.parametrize(
    "text,value",
    [
        ("0: 1, 1: 10", {0: 1.0, 1: 10.0}),
        ("0:1,1:10", {0: 1.0, 1: 10.0}),
        (" -1 : 0.5 , 1: 2e1 ", {-1: 0.5, 1: 20.0}),
        ("yes: 4, no: 1", {"yes": 4.0, "no": 1.0}),
        ("'1': 3", {"1": 3.0}),  # quotes keep a label a text
        ("a:b: 2", {"a:b": 2.0}),  # the weight follows the last colon
    ],
)
def test_weights_are_read_as_typed(text, value):
    parsed, problem = parse_weights(text)
    assert problem is None and parsed == value
    assert all(type(k) is type(v) for k, v in zip(parsed, value))
    again, _ = parse_weights(class_weight_text(parsed))  # and back, labels of the same type
    assert again == parsed and [type(k) for k in again] == [type(k) for k in parsed]


@pytest.mark.parametrize(
    "text,says",
    [
        ("", "label: weight pairs"),
        ("0 1", "“0 1” is not a label and its weight"),
        ("0: 1, : 2", "“: 2” is not a label and its weight"),
        ("0: x", "the weight of class 0 must be a number greater than 0, not “x”"),
        ("0: 0", "greater than 0, not “0”"),
        ("0: -2", "not “-2”"),
        ("0: nan", "not “nan”"),
        ("0: inf", "not “inf”"),
        ("0: 1, 0: 2", "class 0 is given two weights"),
    ],
)
def test_what_cannot_be_used_is_said_in_one_sentence(text, says):
    value, problem = parse_weights(text)
    assert value is None and says in problem and "\n" not in problem


def test_the_command_lines_forms():
    assert parse_class_weight("balanced") == ("balanced", None)
    assert parse_class_weight("BALANCED") == ("balanced", None)
    assert parse_class_weight("none") == (None, None)
    assert parse_class_weight("") == (None, None)
    assert parse_class_weight("0:1,1:10") == ({0: 1.0, 1: 10.0}, None)
    assert parse_class_weight("balance")[1] is not None
    assert class_weight_text(None) == "none" and class_weight_text("balanced") == "balanced"
    assert class_weight_text({0: 1.0, 1: 10.0}) == "0: 1, 1: 10"


def test_words_and_keys():
    assert class_weight_words(None) == "no class weights"
    assert class_weight_words("balanced") == "balanced class weights"
    assert class_weight_words({0: 1, 1: 10}) == "class weights 0: 1, 1: 10"
    assert class_weight_key({0: 1, 1: 10.0}) == class_weight_key({1: 10, 0: 1.0})
    assert class_weight_key({0: 1}) != class_weight_key({"0": 1})
    assert class_weight_key({}) is None and class_weight_key("balanced") == "balanced"
    hash(class_weight_key({"a": 1, 2: 3}))


def weighted_problem(n_classes):
    X, y = make_classification(
        n_samples=80, n_features=3, n_informative=3, n_redundant=0, n_classes=n_classes,
        n_clusters_per_class=1, flip_y=0.2, random_state=0,
    )  # fmt: skip
    k = 1 if n_classes == 2 else n_classes
    rng = np.random.default_rng(0)
    coef, intercept = rng.normal(scale=0.5, size=(k, 3)), rng.normal(scale=0.2, size=k)
    weights = np.array([0.5, 4.0, 1.5])[:n_classes]
    return X, y, coef, intercept, weights[y]


@pytest.mark.parametrize("n_classes", [2, 3])
def test_the_weighted_curvature_is_that_of_the_weighted_gradient(n_classes):
    X, y, coef, intercept, s = weighted_problem(n_classes)
    l2 = 0.05
    P = np.column_stack([coef, intercept])

    def flat(Q):
        gW, gb = gradient(X, decision_scores(X, Q[:, :-1], Q[:, -1]), y, Q[:, :-1], l2, s)
        return np.column_stack([gW, gb]).ravel()

    h = 1e-6
    H = np.empty((P.size, P.size))
    for i in range(P.size):
        E = np.zeros(P.size)
        E[i] = h
        H[:, i] = (flat(P + E.reshape(P.shape)) - flat(P - E.reshape(P.shape))) / (2 * h)
    H = (H + H.T) / 2
    product = hessian_product(X, coef, intercept, l2, s)
    v = np.random.default_rng(1).standard_normal(P.size)
    np.testing.assert_allclose(product(v), H @ v, rtol=1e-5, atol=1e-7)
    top = hessian_largest_eigenvalue(X, coef, intercept, l2, s)
    assert top == pytest.approx(np.linalg.eigvalsh(H)[-1], rel=1e-5)
    # The bound holds for the weighted objective (and is not the unweighted one's).
    bound = lipschitz_constant(X, n_classes, l2, s)
    assert bound >= top
    assert bound != pytest.approx(lipschitz_constant(X, n_classes, l2), rel=1e-3)
    assert suggested_rate(X, n_classes, l2, s) <= 1.0 / bound
