#include "channels/sms/outbox/outbox_sender.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include <ehall/clock.hpp>

namespace ehall::sms {

OutboxSender::OutboxSender(SmsOutbox& outbox, Send send, Options options)
    : outbox_(outbox), send_(std::move(send)), options_(options) {
    outbox_.on_enqueue([this] { wake(); });
}

OutboxSender::~OutboxSender() {
    stop();
    outbox_.on_enqueue({});
}

void OutboxSender::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable())
        return;
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
}

void OutboxSender::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wakeup_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

void OutboxSender::wake() {
    {
        std::lock_guard lock(mutex_);
        woken_ = true;
    }
    wakeup_.notify_all();
}

void OutboxSender::run() {
    for (;;) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_)
                return;
            woken_ = false;
        }
        if (send_due()) {
            sleep_until_due();
        } else {
            std::unique_lock lock(mutex_);
            wakeup_.wait_for(lock, options_.poll_interval, [this] { return stopping_; });
        }
    }
}

bool OutboxSender::send_due() {
    try {
        for (;;) {
            {
                std::lock_guard lock(mutex_);
                if (stopping_)
                    return true;
            }
            auto message = outbox_.claim_next(now_ms(), options_.lease);
            if (!message)
                return true;
            auto answer = send_(*message);
            if (answer.accepted) {
                outbox_.mark_sent(message->id, answer.detail, now_ms());
                spdlog::info("sms outbox: push {} to Kannel: {}", message->id, answer.detail);
                continue;
            }
            auto status = outbox_.mark_attempt_failed(message->id, answer.detail, now_ms());
            if (status == OutboxStatus::failed) {
                spdlog::error("sms outbox: push {} failed after {} attempts: {}", message->id,
                              message->attempts + 1, answer.detail);
            } else {
                spdlog::warn("sms outbox: push {} attempt {} failed, will retry: {}", message->id,
                             message->attempts + 1, answer.detail);
            }
        }
    } catch (const std::exception& e) {
        spdlog::error("sms outbox: {}", e.what());
        return false;
    }
}

void OutboxSender::sleep_until_due() {
    auto wait = options_.poll_interval;
    try {
        if (auto due = outbox_.next_due_ms()) {
            wait = std::clamp(std::chrono::milliseconds(*due - now_ms()),
                              std::chrono::milliseconds(0), options_.poll_interval);
        }
    } catch (const std::exception& e) {
        spdlog::error("sms outbox: {}", e.what());
    }
    std::unique_lock lock(mutex_);
    wakeup_.wait_for(lock, wait, [this] { return stopping_ || woken_; });
}

}  // namespace ehall::sms
