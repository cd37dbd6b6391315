# One INTERFACE target carries the settings every Vitrine target shares.
add_library(vitrine_common_cfg INTERFACE)
target_compile_features(vitrine_common_cfg INTERFACE cxx_std_20)
target_compile_options(vitrine_common_cfg INTERFACE -Wall -Wextra -Wpedantic)
if(VITRINE_WERROR)
    target_compile_options(vitrine_common_cfg INTERFACE -Werror)
endif()
if(VITRINE_SANITIZE)
    # nonnull-attribute is off: Qt 6.4's inline QList == calls memcmp(nullptr, nullptr, 0) when
    # both lists are empty (qarraydataops.h), in our code and in QCOMPARE alike.
    target_compile_options(vitrine_common_cfg INTERFACE -fsanitize=address,undefined -fno-sanitize=nonnull-attribute
        -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(vitrine_common_cfg INTERFACE -fsanitize=address,undefined)
endif()
target_compile_definitions(vitrine_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    VITRINE_VERSION="${PROJECT_VERSION}")
